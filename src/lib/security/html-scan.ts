/**
 * A scanner of built HTML that finds where each tag starts and ends and
 * what the raw text of <script> and <style> is, without building anything
 * for the text in between: the security headers read every page the build
 * renders (headers.ts), and a full HTML parser spent 5.3 s of a
 * 10,000-entry build's thread on it (docs/benchmarks.md, seventh pass).
 *
 * It follows the tokenizer of the HTML standard where the answer depends on
 * it: markup inside a quoted attribute value is text, comments end at
 * `-->` (or `--!>`, and `<!-->`, `<!--->` are empty comments), the text of
 * <script>, <style>, <xmp>, <iframe>, <noembed> and <noframes> is raw until
 * its own end tag, that of <title> and <textarea> too (they cannot hold
 * elements), and everything after <plaintext> is text. A script's text runs
 * past a `</script>` that is inside `<!--<script>…` as the standard's
 * "double-escaped" states say, because that is the text a browser runs. SVG
 * and MathML are read as HTML (a page's content cannot hold them:
 * src/lib/markdown/safe-html.ts). <noscript> is read as markup, as a browser
 * without script does, so the code inside it counts.
 */

/** A start tag: its lower-cased name and its source, from `<` to `>`. */
export interface StartTag {
  name: string;
  start: number;
  end: number;
}

export interface ScanHandlers {
  /** Every start tag. */
  startTag?(tag: StartTag): void;
  /** The raw text of a <script> or <style> (not decoded), after its start tag. */
  rawText?(name: 'script' | 'style', text: string): void;
}

const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'title', 'textarea']);

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** Ends a tag name or an unquoted attribute name. */
const endsName = (c: number) => isSpace(c) || c === 0x2f /* / */ || c === 0x3e; /* > */

/** Where the tag whose name ends at `i` closes (after its `>`), or -1 when the document ends inside it. */
function tagEnd(html: string, i: number): number {
  const n = html.length;
  for (;;) {
    // Before an attribute's name: spaces and stray slashes.
    while (i < n && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 0x2f)) i++;
    if (i >= n) return -1;
    if (html.charCodeAt(i) === 0x3e) return i + 1;
    // The name: its first character may be anything, "=" and quotes included.
    i++;
    while (i < n && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3d /* = */) i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    if (quote === 0x22 || quote === 0x27) {
      const close = html.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else {
      while (i < n && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i++;
    }
  }
}

/** The end of a comment opened at `i` (`<!--`), after its closing `-->`/`--!>`; the document's end if it is not closed. */
function commentEnd(html: string, i: number): number {
  const body = i + 4;
  if (html.startsWith('>', body)) return body + 1;
  if (html.startsWith('->', body)) return body + 2;
  for (let dash = html.indexOf('--', body); dash >= 0; dash = html.indexOf('--', dash + 1)) {
    if (html.startsWith('>', dash + 2)) return dash + 3;
    if (html.startsWith('!>', dash + 2)) return dash + 4;
  }
  return html.length;
}

/** Does an end tag of `name` start at `i` (`</name` and then a space, `/` or `>`), in any case? */
function endTagAt(html: string, i: number, name: string): boolean {
  if (html.charCodeAt(i) !== 0x3c || html.charCodeAt(i + 1) !== 0x2f) return false;
  const after = i + 2 + name.length;
  return after < html.length && html.slice(i + 2, after).toLowerCase() === name && endsName(html.charCodeAt(after));
}

/** Where the raw text of `name`, which starts at `i`, ends (at its end tag, or the document's end). */
function rawTextEnd(html: string, i: number, name: string): number {
  if (name === 'script') return scriptEnd(html, i);
  for (let lt = html.indexOf('</', i); lt >= 0; lt = html.indexOf('</', lt + 2)) if (endTagAt(html, lt, name)) return lt;
  return html.length;
}

/** Is `<script` (then a space, `/` or `>`) at `i`, in any case? */
const scriptTagAt = (html: string, i: number) => html.slice(i, i + 7).toLowerCase() === '<script' && i + 7 < html.length && endsName(html.charCodeAt(i + 7));

/**
 * Where a script's text that starts at `i` ends. Inside `<!--` a
 * `<script` starts a stretch in which `</script>` does not end the script
 * (it ends the stretch); `-->` ends both.
 */
function scriptEnd(html: string, i: number): number {
  let escaped = false;
  let doubled = false;
  for (;;) {
    const lt = html.indexOf('<', i);
    const dashes = escaped ? html.indexOf('-->', i) : -1;
    if (dashes >= 0 && (lt < 0 || dashes < lt)) {
      escaped = doubled = false;
      i = dashes + 3;
    } else if (lt < 0) {
      return html.length;
    } else if (!escaped && html.startsWith('<!--', lt)) {
      escaped = true;
      // `<!-->` and `<!--->` end where they start.
      i = lt + 2;
    } else if (escaped && !doubled && scriptTagAt(html, lt)) {
      doubled = true;
      i = lt + 7;
    } else if (endTagAt(html, lt, 'script')) {
      if (!doubled) return lt;
      doubled = false;
      i = lt + 8;
    } else i = lt + 1;
  }
}

/** Reads `html` once, calling `handlers` for each start tag and for the text of each <script> and <style>. */
export function scanHtml(html: string, handlers: ScanHandlers): void {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) return;
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (html.startsWith('<!--', lt)) i = commentEnd(html, lt);
      else i = close(html, lt + 2);
    } else if (c === 0x3f /* ? */) {
      i = close(html, lt + 2);
    } else if (c === 0x2f /* / */) {
      const first = html.charCodeAt(lt + 2);
      if (isLetter(first)) {
        let name = lt + 3;
        while (name < n && !endsName(html.charCodeAt(name))) name++;
        const end = tagEnd(html, name);
        if (end < 0) return;
        i = end;
      } else if (first === 0x3e) i = lt + 3;
      else i = close(html, lt + 2);
    } else if (isLetter(c)) {
      let nameEnd = lt + 2;
      while (nameEnd < n && !endsName(html.charCodeAt(nameEnd))) nameEnd++;
      const end = tagEnd(html, nameEnd);
      if (end < 0) return;
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      handlers.startTag?.({ name, start: lt, end });
      i = end;
      if (name === 'plaintext') return;
      if (RAW_TEXT.has(name)) {
        const textEnd = rawTextEnd(html, end, name);
        if (name === 'script' || name === 'style') handlers.rawText?.(name, html.slice(end, textEnd));
        i = textEnd;
      }
    } else i = lt + 1;
  }
}

/** After the `>` that closes a bogus comment or declaration whose body starts at `i` (the document's end without one). */
function close(html: string, i: number): number {
  const gt = html.indexOf('>', i);
  return gt < 0 ? html.length : gt + 1;
}
