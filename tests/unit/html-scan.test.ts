import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../src/lib/security/headers.ts';
import { scanHtml } from '../../src/lib/security/html-scan.ts';

/** inlineCode as it was written before the scanner: htmlparser2 reading the whole page. */
function parsedInlineCode(html: string) {
  const found: { scripts: string[]; styles: string[]; meta?: string } = { scripts: [], styles: [] };
  const runs = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);
  let open: { kind: 'script' | 'style'; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy') found.meta ??= attributes.content ?? '';
        if (name === 'script' && attributes.src === undefined && runs.has((attributes.type ?? '').trim().toLowerCase())) open = { kind: 'script', text: '' };
        if (name === 'style') open = { kind: 'style', text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (open && name === open.kind) (open.kind === 'script' ? found.scripts : found.styles).push(open.text);
        if (name === 'script' || name === 'style') open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

/** Pieces of HTML where a reader can go wrong, put together at random below. */
const PIECES = [
  '<p>text</p>',
  '<script>a()</script>',
  '<SCRIPT type="module">b()</SCRIPT>',
  '<script src="/x.js"></script>',
  '<script type="application/json">{"a":"</div>"}</script>',
  '<script type=" text/javascript ">c()</script>',
  '<script src=x.js>',
  '<style>p{color:red}</style>',
  '<style media="print">q::before{content:"&lt;"}</style>',
  '<meta http-equiv="content-security-policy" content="script-src &#39;self&#39;">',
  '<meta HTTP-EQUIV=Content-Security-Policy content=default-src>',
  '<meta name="description" content="<script>x()</script>">',
  '<meta a="x"http-equiv="content-security-policy" content="b">',
  '<div title="a>b" data-x=\'<style>s{}</style>\'>',
  '<div title=a>b>',
  '<a "b"="<script>y()</script>">',
  '<img alt=<script>z()</script>',
  '<!-- <script>old()</script> -->',
  '<!--><script>d()</script>',
  '<!---><style>e{}</style>',
  '<!doctype html>',
  '<?xml version="1.0"?>',
  '<![CDATA[ <script>g()</script> ]]>',
  '</div a="<script>">',
  '</>',
  '</ p>',
  '<3 <script>h()</script>',
  '< script>i()</script>',
  '<title>&lt;style&gt;<script>t()</script></title>',
  '<textarea><style>u{}</style></textarea>',
  '<xmp><script>v()</script></xmp>',
  '<script>w()</script >',
  '<script>x()</scriptx>y()</script>',
  '<style>a</style\tb>',
  "<br/><hr / ><input value='\"' disabled>",
  '<script/>k()</script>',
  '&lt;script&gt;',
  '<noscript><style>n{}</style></noscript>',
  ' ',
  '\n',
];

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the scanner of built pages', () => {
  it('finds the same inline code and policy as a full HTML parser, on 3,000 pages made of tricky pieces', () => {
    const next = random(20261203);
    let compared = 0;
    for (let page = 0; page < 3000; page++) {
      const pieces = Array.from({ length: 1 + Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]!);
      const html = `<!doctype html><html><head>${pieces.join('')}</head></html>`;
      expect(inlineCode(html), html).toEqual(parsedInlineCode(html));
      compared += inlineCode(html).scripts.length + inlineCode(html).styles.length;
    }
    // The pages hold inline code to compare, not only markup.
    expect(compared).toBeGreaterThan(3000);
  });

  it('reads a page cut off anywhere as the parser does', () => {
    const html = PIECES.join('');
    for (let end = 0; end <= html.length; end++) {
      const cut = html.slice(0, end);
      const expected = parsedInlineCode(cut);
      // Cut inside a script's end tag ("…</scr"), the parser drops the "</scr"; the standard keeps it as the script's text.
      const partial = /<\/[a-z]*$/i.exec(cut)?.[0];
      const last = expected.scripts.length - 1;
      if (partial && inlineCode(cut).scripts[last] === `${expected.scripts[last]}${partial}`) expected.scripts[last] += partial;
      expect(inlineCode(cut), cut).toEqual(expected);
    }
  });

  it('reads raw text as the HTML standard does where the parser does not', () => {
    // A browser does not run a script inside <iframe>, <noembed> or <noframes>, or after <plaintext>.
    expect(inlineCode('<iframe><script>a()</script></iframe><script>b()</script>').scripts).toEqual(['b()']);
    expect(inlineCode('<noembed><script>a()</script></noembed><noframes><style>s{}</style></noframes>')).toEqual({ scripts: [], styles: [] });
    expect(inlineCode('<plaintext><script>a()</script>').scripts).toEqual([]);
    // "--!>" ends a comment too.
    expect(inlineCode('<!-- a -- b --!><script>f()</script>').scripts).toEqual(['f()']);
    // Inside "<!--<script>", "</script>" does not end the script: a browser runs all of it.
    expect(inlineCode('<script>a()<!--<script>b()</script>c()--></script><script>d()</script>').scripts).toEqual(['a()<!--<script>b()</script>c()-->', 'd()']);
    expect(inlineCode('<script><!--a()--></script><script><!-->b()</script>').scripts).toEqual(['<!--a()-->', '<!-->b()']);
  });

  it('hands over each start tag with its source, and the raw text of scripts and styles', () => {
    const html = '<div class="a>b"><SCRIPT defer>x<y</SCRIPT><style>p{}</style>';
    const tags: string[] = [];
    const texts: string[] = [];
    scanHtml(html, { startTag: ({ name, start, end }) => tags.push(`${name}:${html.slice(start, end)}`), rawText: (name, text) => texts.push(`${name}:${text}`) });
    expect(tags).toEqual(['div:<div class="a>b">', 'script:<SCRIPT defer>', 'style:<style>']);
    expect(texts).toEqual(['script:x<y', 'style:p{}']);
  });
});
