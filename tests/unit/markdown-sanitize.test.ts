/** The Markdown renderer's safety net, through Sätteri as Astro runs it (raw HTML parsed into elements). */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isSafeLink, isLocalSource, judgeElement, schemeOf } from '../../src/lib/markdown/safe-html.ts';
import { sanitizeMarkdown } from '../../src/lib/markdown/sanitize.ts';

const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [sanitizeMarkdown({ siteHost: 'hub.example' })], features: { rawHtml: true } }).html;

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
    expect(html).toContain('<a href="/share/a/">hub</a> <a href="mailto:a@b.example">mail</a> <a href="https://hub.example/x">web</a>');
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

describe('the allowlist', () => {
  it('reads schemes the way browsers do', () => {
    expect(schemeOf(' java\u0000script:x')).toBe('javascript');
    expect(schemeOf('/path?u=javascript:x')).toBeUndefined();
    expect(isSafeLink('#top')).toBe(true);
    expect(isSafeLink('tel:+4412345')).toBe(true);
    expect(isSafeLink('file:///etc/passwd')).toBe(false);
    expect(isLocalSource('./a.png')).toBe(true);
    expect(isLocalSource('//cdn.example/a.png')).toBe(false);
    expect(isLocalSource('https://cdn.example/a.png')).toBe(false);
  });

  it('explains each removal in an editor’s words', () => {
    expect(judgeElement('script', {}).reasons).toEqual(['<script> elements are not allowed']);
    expect(judgeElement('a', { href: 'javascript:x', onClick: 'y' }).reasons).toEqual([
      'link to "javascript:x" is not allowed (script and data addresses can run code)',
      'event handler attribute on-click= is not allowed',
    ]);
  });
});
