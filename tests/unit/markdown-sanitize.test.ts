/**
 * The Markdown renderer's safety net, through Sätteri as Astro runs it (raw
 * HTML parsed into elements), and the body check beside it: every address
 * the renderer drops, the check reports with its line.
 */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { markdownBodyProblems } from '../../src/content/checks/body-safety.ts';
import { satteriReader } from '../../src/content/checks/body-reader-satteri.ts';
import { judgeAddress, judgeElement } from '../../src/lib/markdown/safe-html.ts';
import { sanitizeMarkdown } from '../../src/lib/markdown/sanitize.ts';
import { SMUGGLED } from '../support/hostile-markdown.ts';

const SITE = 'https://hub.example/';
const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [sanitizeMarkdown({ site: SITE })], features: { rawHtml: true } }).html;

describe('a Markdown body with hostile HTML', () => {
  it('loses scripts, frames, forms, styles and SVG, with everything inside them', () => {
    const html = render(
      'Hi\n\n<script>window.__pwned = 1</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<form action="https://evil.example"><input name="q"><button>Go</button></form>\n\n<style>body{display:none}</style>\n\n<svg onload="alert(1)"><script>alert(2)</script></svg>\n\n<object data="x.swf"></object><embed src="x"><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">\n',
    );
    expect(html).not.toMatch(/<(script|iframe|form|input|button|style|svg|object|embed|meta|base)\b/i);
    expect(html).not.toMatch(/pwned|alert|evil/);
    expect(html).toContain('<p>Hi</p>');
  });

  it('loses event handlers and script addresses however they are written', () => {
    const html = render(
      [
        '<img src="./cat.png" alt="A cat" onerror="alert(1)">',
        '<a href="jav&#x61;script:alert(1)">entity</a> <a href="  JaVaScRiPt:alert(1)">case</a> <a href="java\tscript:alert(1)">tab</a>',
        '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:msgbox(1)">vb</a>',
        '[markdown](javascript:alert(1)) ![pixel](https://tracker.example/p.gif) ![inline](data:image/png;base64,AAAA)',
        '<b onmouseover="alert(1)" style="color:red" class="x">bold</b>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript|vbscript|data:|tracker\.example|style=/i);
    expect(html).toContain('<img src="./cat.png" alt="A cat">');
    expect(html).toContain('<b class="x">bold</b>');
    expect(html).toContain('<a>entity</a>');
    expect(html).toContain('<a>tab</a>');
  });

  it('cleans what it unwraps too: nothing hides inside an element it does not know', () => {
    const html = render('<font color="red"><script>alert(1)</script><img src="x" onerror="alert(2)"><center><a href="javascript:alert(3)">deep</a></center></font>');
    expect(html).not.toMatch(/script|alert|onerror|font|center/);
    expect(html).toContain('<img src="x">');
    expect(html).toContain('<a>deep</a>');
  });

  it('keeps Markdown and harmless formatting: tables, footnotes, task lists, details, kbd, links', () => {
    const html = render(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1]\n\n[^1]: Footnote.\n\n- [x] done\n\n<details><summary>More</summary>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</details>\n\n[hub](/share/a/) [mail](mailto:a@b.example) [web](https://hub.example/x)\n',
    );
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('data-footnote-ref');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('<details><summary>More</summary>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</details>');
    expect(html).toContain('<a href="/share/a/">hub</a> <a href="mailto:a@b.example" rel="noopener noreferrer">mail</a> <a href="https://hub.example/x">web</a>');
  });

  it('opens links to other sites without opener and referrer, keeping the editor’s rel', () => {
    expect(render('[a](https://elsewhere.example/) <a href="https://me.example/" rel="me">me</a>')).toBe(
      '<p><a href="https://elsewhere.example/" rel="noopener noreferrer">a</a> <a href="https://me.example/" rel="me noopener noreferrer">me</a></p>\n',
    );
  });

  it('leaves code alone: tags in code are text', () => {
    expect(render('`<script>` and\n\n```html\n<script>alert(1)</script>\n```\n')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('addresses that lead elsewhere than they read', () => {
  it.each(SMUGGLED)('%s is refused by the check with its line, and the renderer leaves it out', (_name, markdown, message) => {
    const problems = markdownBodyProblems(`Intro.\n\n${markdown}\n`, SITE, satteriReader);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0]!.severity ?? 'error').toBe('error');
    expect(problems[0]!.message).toMatch(message);
    const html = render(markdown);
    expect(html).not.toMatch(/\s(?:href|src)=/);
    expect(html).not.toMatch(/evil|javascript|data:/i);
  });

  it('gives every link off the hub rel="noopener noreferrer", keeping the editor’s rel, also for http: and mailto:', () => {
    expect(render('[a](https://elsewhere.example/) <a href="https://me.example/" rel="me">me</a> [b](http://hub.example/x) [c](mailto:a@b.example)')).toBe(
      '<p><a href="https://elsewhere.example/" rel="noopener noreferrer">a</a> <a href="https://me.example/" rel="me noopener noreferrer">me</a> <a href="http://hub.example/x" rel="noopener noreferrer">b</a> <a href="mailto:a@b.example" rel="noopener noreferrer">c</a></p>\n',
    );
    expect(render('[own](https://hub.example/share/a/) [rel](/share/a/) [top](#top)')).toBe(
      '<p><a href="https://hub.example/share/a/">own</a> <a href="/share/a/">rel</a> <a href="#top">top</a></p>\n',
    );
  });

  it('reads a scheme in capitals as browsers do, and writes it in lowercase', () => {
    expect(render('[x](HTTPS://elsewhere.example/a)')).toBe('<p><a href="https://elsewhere.example/a" rel="noopener noreferrer">x</a></p>\n');
    expect(markdownBodyProblems('[x](HTTPS://elsewhere.example/a)', SITE, satteriReader)).toEqual([]);
  });
});

describe('the allowlist', () => {
  it('reads addresses the way browsers do', () => {
    expect(judgeAddress('#top', 'link', SITE)).toEqual({ ok: true, href: '#top', external: false });
    expect(judgeAddress('tel:+4412345', 'link', SITE)).toMatchObject({ ok: true, external: true });
    expect(judgeAddress('/path?u=javascript:x', 'link', SITE)).toMatchObject({ ok: true, external: false });
    expect(judgeAddress('file:///etc/passwd', 'link', SITE)).toMatchObject({ ok: false });
    expect(judgeAddress(' java\u0000script:x', 'link', SITE)).toMatchObject({ ok: false });
    expect(judgeAddress('./a.png', 'image', SITE)).toMatchObject({ ok: true });
    expect(judgeAddress('//cdn.example/a.png', 'image', SITE)).toMatchObject({ ok: false });
    expect(judgeAddress('https://cdn.example/a.png', 'image', SITE)).toMatchObject({ ok: false });
    // The hub's own absolute address is still written with a scheme: images are files next to the entry.
    expect(judgeAddress('https://hub.example/a.png', 'image', SITE)).toMatchObject({ ok: false });
  });

  it('explains each removal in an editor’s words', () => {
    expect(judgeElement('script', {}, SITE).reasons).toEqual(['<script> elements are not allowed']);
    expect(judgeElement('a', { href: 'javascript:x', onClick: 'y' }, SITE).reasons).toEqual([
      'a link to "javascript:x", which is not allowed: script and data addresses can run code; links may use http:, https:, mailto:, tel: only',
      'event handler attribute on-click= is not allowed',
    ]);
  });
});
