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
import type { Schema } from 'hast-util-sanitize';
import { CREDENTIALS_PROBLEM, forbiddenCharacterProblem } from '../../model/urls.ts';
import { quote } from '../../model/words.ts';

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
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

export interface Verdict {
  /** keep the element, remove it with its content, or keep only its content. */
  action: 'keep' | 'remove' | 'unwrap';
  /** Attributes (hast property names) to remove from a kept element. */
  attributes: string[];
  /** Why, in an editor's words, for each thing removed. */
  reasons: string[];
}

/** What a body does with an address: follows it (a link) or loads it into the page (an image). */
export type AddressUse = 'link' | 'image';

export type AddressVerdict =
  /** `href`: the address to write (its scheme in lowercase); `external`: it leads off the hub's origin. */
  { ok: true; href: string; external: boolean } | { ok: false; reason: string };

/**
 * A link or image address of a Markdown body, judged the way browsers read
 * it: parsed by the WHATWG URL parser (the one browsers use) against the
 * hub's address, so entities (decoded by the HTML parser before this sees
 * them), backslashes and protocol-relative `//host` resolve where a browser
 * would send the reader. The characters browsers drop or read differently
 * (tabs, line breaks, controls, bidirectional characters, backslashes) are
 * refused first, by the URL rule of every address (src/model/urls.ts).
 */
export function judgeAddress(value: string, use: AddressUse, site: string | URL): AddressVerdict {
  const what = use === 'link' ? `a link to ${quote(value)}` : `an image ${quote(value)}`;
  const character = forbiddenCharacterProblem(value);
  if (character) return { ok: false, reason: `${what}, which ${character}` };
  const home = new URL(site);
  let url: URL;
  try {
    url = new URL(value, home);
  } catch {
    return { ok: false, reason: `${what}, which is not an address a browser can follow` };
  }
  const scheme = url.protocol.slice(0, -1);
  const written = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (use === 'image') {
    if (written || url.origin !== home.origin) {
      return { ok: false, reason: `${what}, which is not a file of the hub (images from other sites or data: addresses are not allowed)` };
    }
    return { ok: true, href: value, external: false };
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(scheme)) {
    const danger = /^(?:javascript|vbscript|data)$/.test(scheme) ? 'script and data addresses can run code; ' : '';
    return { ok: false, reason: `${what}, which is not allowed: ${danger}links may use ${LINK_SCHEMES.map((s) => `${s}:`).join(', ')} only` };
  }
  if (!written && /^\/\//.test(value)) {
    return {
      ok: false,
      reason: `${what}, which leaves out the scheme, so it leads to another site (${url.host}) without saying so; write the full address with https://`,
    };
  }
  if ((scheme === 'http' || scheme === 'https') && (url.username || url.password || (written && /^[^/?#]*@/.test(value.slice(written.length + 3))))) {
    return { ok: false, reason: `${what}, which ${CREDENTIALS_PROBLEM}` };
  }
  return { ok: true, href: written ? `${written.toLowerCase()}${value.slice(written.length)}` : value, external: url.origin !== home.origin };
}

function describe(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What to do with one element of a Markdown body. `properties` are hast properties (camelCase, decoded). */
export function judgeElement(tagName: string, properties: Readonly<Record<string, unknown>>, site: string | URL): Verdict {
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
    } else if (name === 'href' || name === 'src') {
      const verdict = judgeAddress(String(value), name === 'href' ? 'link' : 'image', site);
      if (!verdict.ok) {
        attributes.push(name);
        reasons.push(verdict.reason);
      }
    }
  }
  return { action: 'keep', attributes, reasons };
}

/**
 * The same allowlist as a schema of hast-util-sanitize, which the renderer
 * runs over the parsed tree: elements of REMOVED go with their content,
 * other unknown elements are unwrapped, attributes are kept by name, and
 * links keep only the schemes of LINK_SCHEMES (relative addresses pass; the
 * renderer judges every address with judgeAddress as well). No id or name is
 * prefixed: footnotes and headings link to their ids.
 */
export function sanitizeSchema(): Schema {
  const attributes: Schema['attributes'] = { '*': [...GLOBAL_ATTRIBUTES] };
  for (const [tag, names] of Object.entries(ELEMENT_ATTRIBUTES)) attributes[tag] = [...names];
  // A task list's checkbox, and nothing else an <input> could be.
  attributes.input = [['type', 'checkbox'], ['disabled', true], 'checked'];
  return {
    tagNames: [...ALLOWED],
    strip: [...REMOVED],
    attributes,
    required: { input: { type: 'checkbox', disabled: true } },
    protocols: { href: [...LINK_SCHEMES], src: ['http', 'https'] },
    // A task list's checkbox sits in its item; an <input> anywhere else goes.
    ancestors: { input: ['li'] },
    clobber: [],
    clobberPrefix: '',
    allowComments: false,
    allowDoctypes: false,
  };
}
