/**
 * The build reads bodies with Sätteri (the parser that renders the page);
 * Decap's save check reads them in the browser with micromark and parse5.
 * The body rules (body-safety.ts) judge what a reader finds, so the CMS
 * refuses a body with the build's words only if both readers find the same
 * raw HTML, addresses and elements on the same lines: checked here on every
 * body of the sample content and of the fixtures, and on Markdown written to
 * tell parsers apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdastReader } from '../../src/content/checks/body-reader-mdast.ts';
import { satteriReader } from '../../src/content/checks/body-reader-satteri.ts';
import { type BodyReader, judgeRawHtml, markdownBodyProblems } from '../../src/content/checks/body-safety.ts';
import { parseEntry } from '../../src/content/files.ts';
import { PROJECT } from '../support/build.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { SMUGGLED } from '../support/hostile-markdown.ts';

const SITE = 'https://hub.example/';

/** Every .md body under `root`, by its path. */
function bodiesUnder(root: string): [string, string][] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.includes('node_modules'))
    .map((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      let body = text;
      try {
        body = parseEntry(text).body;
      } catch {
        // A fixture whose front matter is broken on purpose: its whole text is a body all the same.
      }
      return [path.relative(PROJECT, path.join(root, file)), body] as [string, string];
    });
}

/** Markdown where parsers that only look alike would differ. */
const TRICKY: [string, string][] = [
  ['code spans and fenced code hide tags', 'A `<script>alert(1)</script>` span.\n\n```html\n<iframe src="x"></iframe>\n```\n\n    <img src="//evil.example/a.png">\n'],
  ['an HTML block with Markdown after a blank line', '<div onclick="x()">\n*not emphasis*\n</div>\n\n*emphasis* <b>bold</b>\n'],
  ['inline tags across lines', 'Text <a\nhref="javascript:alert(1)"\n>x</a> and <kbd>K</kbd>\n'],
  ['autolinks, literal and bracketed', 'See www.example.com, https://user:pw@evil.example/x and <https://ok.example/> or <mailto:a@b.example>.\n'],
  ['references and definitions', '[a][one] and ![b][two]\n\n[one]: javascript:alert(1)\n[two]: https://cdn.example/p.png "title"\n'],
  ['an image inside a link', '[![cat](./cat.png)](https://elsewhere.example/) and [![x](https://cdn.example/x.png)](#top)\n'],
  ['entities and escapes in addresses', '[x](java&#x73;cript:alert(1)) [y](<a b.html>) [z](\\/\\/evil.example) ![w](&#47;&#47;evil.example/w.png)\n'],
  ['a table with links and HTML', '| a | b |\n|---|---|\n| [x](//evil.example) | <span style="color:red">s</span> |\n'],
  ['footnotes, task lists and comments', 'Note[^1]\n\n[^1]: See [it](vbscript:x).\n\n- [x] done <input type="text">\n\n<!-- <script>alert(1)</script> -->\n'],
  [
    'lists and quotes holding HTML',
    '> <iframe src="https://evil.example"></iframe>\n>\n> - <img src="x" onerror="alert(1)">\n\n1. <form action="/x"><button>go</button></form>\n',
  ],
  ['a setext heading and hard breaks', 'Title <b onmouseover="x">b</b>\n=====\n\nline  \n<u>under</u>\\\n[l](data:text/html,x)\n'],
  ['unclosed and odd HTML', '<div\n\n<a href="x"\n\n<p>open <em>em\n\n</div></p>\n\n<?php echo 1 ?>\n\n<![CDATA[ x ]]>\n\n<!DOCTYPE html>\n'],
];

const CASES: [string, string][] = [
  ...bodiesUnder(path.join(PROJECT, 'content')),
  ...bodiesUnder(FIXTURES),
  ...SMUGGLED.map(([name, markdown]) => [name, `Intro.\n\n${markdown}\n`] as [string, string]),
  ...TRICKY,
];

/** What a reader finds, in a comparable shape: html pieces and addresses in document order. */
const found = (reader: BodyReader, body: string) => {
  const read = reader.markdown(body);
  const byLine = <T extends { line: number }>(list: T[]) => [...list].sort((a, b) => a.line - b.line || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { html: byLine(read.html), addresses: byLine(read.addresses) };
};

describe('the two body readers', () => {
  it('are tried on the sample content, the fixtures and the hostile cases', () => {
    expect(CASES.length).toBeGreaterThan(80);
    expect(CASES.filter(([, body]) => mdastReader.markdown(body).html.length).length).toBeGreaterThan(20);
  });

  it.each(CASES)('find the same HTML and addresses in %s', (_name, body) => {
    expect(found(mdastReader, body)).toEqual(found(satteriReader, body));
  });

  it.each(CASES)('give the build’s problems for %s', (_name, body) => {
    expect(markdownBodyProblems(body, SITE, mdastReader)).toEqual(markdownBodyProblems(body, SITE, satteriReader));
  });

  it.each(CASES.flatMap(([name, body]) => satteriReader.markdown(body).html.map(({ value }) => [name, value] as [string, string])))(
    'read the elements of the HTML in %s alike: %s',
    (_name, html) => {
      expect(judgeRawHtml(html, SITE, mdastReader)).toEqual(judgeRawHtml(html, SITE, satteriReader));
    },
  );

  it('would tell a reader that misses HTML apart', () => {
    const blind: BodyReader = { ...mdastReader, markdown: (body) => ({ ...mdastReader.markdown(body), html: [] }) };
    const body = `Intro.\n\n${SMUGGLED[0]![1]}\n`;
    expect(markdownBodyProblems(body, SITE, blind)).not.toEqual(markdownBodyProblems(body, SITE, satteriReader));
  });
});
