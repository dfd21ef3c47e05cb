/**
 * The "/" shortcut that focuses the search box. It never takes "/" from
 * someone typing: not in a text field, a select, or editable content, and
 * not with a modifier (Ctrl+/ and friends belong to the browser).
 */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

export interface KeyTarget {
  /** Upper-case tag name of the focused element, e.g. "INPUT". */
  tagName?: string;
  /** `type` of an <input>. */
  type?: string;
  isContentEditable?: boolean;
}

/** Inputs that take typed text; checkboxes, radios and buttons do not. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week', '']);

export function takesTyping(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((target.type ?? '').toLowerCase());
}

export function isSearchShortcut(press: KeyPress, target: KeyTarget | null | undefined): boolean {
  if (press.key !== '/' || press.ctrlKey || press.metaKey || press.altKey) return false;
  if (press.isComposing || press.defaultPrevented) return false;
  return !takesTyping(target);
}
