/**
 * What HTML a Markdown body (.md) may hold, as an allowlist: the elements and
 * attributes Markdown itself produces plus harmless formatting (<kbd>,
 * <details>, <sub> …). Everything that can run script, load something from
 * another site, submit a form or restyle the page is out.
 *
 * One policy, used twice: the content check reports what a body breaks
 * (src/content/checks/body-safety.ts), and the Markdown renderer removes it
 * (src/lib/markdown/sanitize.ts), so a gap in one is covered by the other.
 * MDX files are code, reviewed like code, and not rendered through this.
 */

/** Elements removed with everything inside them. */
const REMOVED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'slot',
  'form',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'fieldset',
  'legend',
  'label',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'html',
  'body',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'track',
  'source',
  'portal',
  'dialog',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'param',
  'marquee',
  'image',
]);

/** Elements kept; other elements (<font>, <center>, custom elements …) are replaced by their content. */
const ALLOWED = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'input',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Attributes (hast property names) any kept element may have. */
const GLOBAL_ATTRIBUTES = new Set(['id', 'title', 'lang', 'dir', 'className', 'ariaHidden', 'ariaLabel', 'ariaDescribedBy', 'ariaLabelledBy', 'role']);

/** Further attributes per element; GFM task lists and footnotes need a few data- attributes. */
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'rel', 'dataFootnoteRef', 'dataFootnoteBackref'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  // GFM task lists: a disabled checkbox.
  input: ['type', 'checked', 'disabled'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['align', 'colSpan', 'rowSpan'],
  th: ['align', 'colSpan', 'rowSpan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  time: ['dateTime'],
  details: ['open'],
  section: ['dataFootnotes'],
};

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file: …) is removed. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export interface Verdict {
  /** keep the element, remove it with its content, or keep only its content. */
  action: 'keep' | 'remove' | 'unwrap';
  /** Attributes (hast property names) to remove from a kept element. */
  attributes: string[];
  /** Why, in an editor's words, for each thing removed. */
  reasons: string[];
}

/** The scheme of a URL the way browsers read it (they ignore spaces, tabs, newlines and control characters in it). */
export function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\p{Cc} ]/gu, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** A link target that cannot run script: relative, #fragment, or http(s)/mailto/tel. */
export function isSafeLink(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || LINK_SCHEMES.has(scheme);
}

/** An image source that loads nothing from elsewhere: a path on the hub (Astro resolves files next to the entry). */
export function isLocalSource(url: string): boolean {
  return schemeOf(url) === undefined && !/^[\s\\/]*[\\/]{2}/.test(url);
}

function describe(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What to do with one element of a Markdown body. `properties` are hast properties (camelCase, decoded). */
export function judgeElement(tagName: string, properties: Readonly<Record<string, unknown>>): Verdict {
  const tag = tagName.toLowerCase();
  if (REMOVED.has(tag)) return { action: 'remove', attributes: [], reasons: [`<${tag}> elements are not allowed`] };
  if (tag === 'input' && (properties.type !== 'checkbox' || properties.disabled !== true)) {
    return { action: 'remove', attributes: [], reasons: ['<input> elements are not allowed (task lists are written "- [x] done")'] };
  }
  if (!ALLOWED.has(tag)) return { action: 'unwrap', attributes: [], reasons: [`<${tag}> is not an element Markdown bodies may use (its text is kept)`] };
  const allowed = new Set([...GLOBAL_ATTRIBUTES, ...(ELEMENT_ATTRIBUTES[tag] ?? [])]);
  const attributes: string[] = [];
  const reasons: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    if (/^on[A-Z]/.test(name) || /^on/i.test(name)) {
      attributes.push(name);
      reasons.push(`event handler attribute ${describe(name)}= is not allowed`);
    } else if (!allowed.has(name)) {
      attributes.push(name);
      reasons.push(`attribute ${describe(name)}= is not allowed on <${tag}>`);
    } else if (name === 'href' && !isSafeLink(String(value))) {
      attributes.push(name);
      reasons.push(`link to ${JSON.stringify(String(value))} is not allowed (script and data addresses can run code)`);
    } else if (name === 'src' && !isLocalSource(String(value))) {
      attributes.push(name);
      reasons.push(`image ${JSON.stringify(String(value))} is not a file of the hub (images from other sites or data: addresses are not allowed)`);
    }
  }
  return { action: 'keep', attributes, reasons };
}

/** Is `href` a link to another site than `siteHost` (it then opens without opener and referrer)? */
export function isExternal(href: string, siteHost: string | undefined): boolean {
  const scheme = schemeOf(href);
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    return new URL(href).host !== siteHost;
  } catch {
    return true;
  }
}
