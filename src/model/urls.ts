/**
 * The one rule for every address the hub takes from content and settings: a
 * snippet's link, an article's canonical link, people's profiles and contact
 * links, settings.site and the CMS's OAuth server, and (through
 * src/lib/markdown/safe-html.ts) every link and image of a Markdown body.
 *
 * An address must lead where it reads. So it may hold no whitespace (browsers
 * drop tabs and line breaks, so `/<tab>/evil.example` leads to evil.example),
 * no control character, no invisible or bidirectional formatting character
 * (U+202E shows "moc.elpmaxe" for example.com), no backslash (browsers read
 * it as "/", so `https://evil.example\@trusted.example` leads to
 * evil.example), and no user name or password (`https://user:pass@…` would
 * be published in pages, feeds, posts and QR codes, and
 * `https://trusted.example@evil.example` leads to evil.example). Markup
 * characters (< > ") are allowed: browsers percent-encode them without
 * changing where the address leads, and every page and feed escapes them. The JSON Schema of /snippets.json and the CMS's form
 * patterns are built from the same character class, so no value the content
 * check accepts can break a published schema.
 */

/**
 * The characters no address may hold as written, as the body of a regular
 * expression character class. Written with \u escapes only (no \p{…}), so the
 * same text works in JSON Schema patterns and Decap's form patterns, which
 * are compiled without the `u` flag.
 */
export const URL_FORBIDDEN_CLASS = String.raw`\s\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\\`;

const FORBIDDEN = new RegExp(`[${URL_FORBIDDEN_CLASS}]`);

/** The schemes a web address of content may use. */
export type WebScheme = 'http' | 'https';

/**
 * An absolute address of `schemes` that holds none of the forbidden
 * characters and no user name or password, as a pattern for JSON Schema and
 * the CMS. `addressProblem` says the same in words (and parses the address).
 */
export function addressPattern(schemes: readonly WebScheme[]): string {
  return `^(?:${schemes.join('|')})://[^${URL_FORBIDDEN_CLASS}/?#@]+(?:[/?#][^${URL_FORBIDDEN_CLASS}]*)?$`;
}

const NAMES: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u00A0': 'a no-break space',
  '\u00AD': 'a soft hyphen',
  '\u061C': 'an Arabic letter mark',
  '\u200B': 'a zero-width space',
  '\u200C': 'a zero-width non-joiner',
  '\u200D': 'a zero-width joiner',
  '\u200E': 'a left-to-right mark',
  '\u200F': 'a right-to-left mark',
  '\u202A': 'a left-to-right embedding',
  '\u202B': 'a right-to-left embedding',
  '\u202C': 'a pop directional formatting',
  '\u202D': 'a left-to-right override',
  '\u202E': 'a right-to-left override',
  '\u2066': 'a left-to-right isolate',
  '\u2067': 'a right-to-left isolate',
  '\u2068': 'a first strong isolate',
  '\u2069': 'a pop directional isolate',
  '\uFEFF': 'a byte-order mark',
  '\\': 'a backslash',
};

/** A character's code point as Unicode writes it: "U+202E". */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as an editor can find it: its name where it has a short one, and its code point. */
export function describeCharacter(char: string): string {
  return `${NAMES[char] ?? (/\s/.test(char) ? 'a whitespace character' : 'a control character')} (${codePoint(char)})`;
}

/** Why a forbidden character is refused, as a kind: each kind has its words (below, and in the composer's UI strings). */
export type CharacterRefusal = 'lineBreak' | 'space' | 'backslash' | 'invisible';

export function characterRefusal(char: string): CharacterRefusal {
  if (/[\t\n\r]/.test(char)) return 'lineBreak';
  if (/\s/.test(char)) return 'space';
  if (char === '\\') return 'backslash';
  return 'invisible';
}

const WHY_REFUSED: Record<CharacterRefusal, string> = {
  lineBreak: 'browsers drop it, so the address could lead elsewhere than it reads; write it on one line',
  space: 'an address has no spaces (in a path, a space is written %20)',
  backslash: 'browsers read it as "/"; write "/"',
  invisible: 'it is invisible and can make an address display differently from where it leads; retype the address',
};

/** Why a forbidden character is refused, in words for build messages. */
function whyRefused(char: string): string {
  return WHY_REFUSED[characterRefusal(char)];
}

/** The first forbidden character of `value` and where it is (1-based), if any. */
export function forbiddenCharacter(value: string): { char: string; at: number } | undefined {
  const match = FORBIDDEN.exec(value);
  return match ? { char: match[0], at: match.index + 1 } : undefined;
}

/** What a forbidden character in an address is, where, and why it is refused. */
export function forbiddenCharacterProblem(value: string): string | undefined {
  const found = forbiddenCharacter(value);
  return found && `holds ${describeCharacter(found.char)} at character ${found.at}: ${whyRefused(found.char)}`;
}

/** The refusal of a user name or password in an address. */
export const CREDENTIALS_PROBLEM =
  'holds a user name or password before "@": it would be published with every link, and can disguise where the link leads; remove the part up to "@"';

/**
 * What is wrong with `value` as an absolute address of `schemes`: undefined
 * when it is a good one, `{}` when it is not an address of those schemes at
 * all (the field's "expected …" says enough), and `{ why }`, in words that
 * follow "is <value>, which …", when it looks like one but breaks the rule.
 */
export function addressProblem(value: string, schemes: readonly WebScheme[]): { why?: string } | undefined {
  const written = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (!written || !(schemes as readonly string[]).includes(written.toLowerCase())) return {};
  const character = forbiddenCharacterProblem(value);
  if (character) return { why: character };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {};
  }
  if (url.username || url.password || /^[^/?#]*@/.test(value.slice(written.length + 3))) return { why: CREDENTIALS_PROBLEM };
  if (written !== written.toLowerCase()) return { why: `writes the scheme in capitals; write ${written.toLowerCase()}://` };
  if (!url.hostname || !new RegExp(addressPattern(schemes)).test(value)) return {};
  return undefined;
}

/** Is `value` an absolute address of `schemes` that the rule accepts? */
export function isAddress(value: string, schemes: readonly WebScheme[]): boolean {
  return addressProblem(value, schemes) === undefined;
}
