/**
 * What tools outside the project say about the built hub of hostile content
 * (tests/fixtures/hostile/escaped): the Nu Html Checker and html-validate's
 * recommended preset find no error on any page, and the feeds have the form
 * their standards ask for. The sample hub's pages go through the same
 * validators in tests/e2e/outside-validators.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, describe, expect, it } from 'vitest';
import { read } from '../support/build.ts';
import { built } from '../support/builds.ts';
import { type Finding, errorLines, htmlFiles, runHtmlValidate, runVnu, warningSummary } from '../support/validators.ts';

const hostile = await built('hostile@2026-11-22');
const valid = await built('valid@2026-11-22');

/**
 * A page with the mistakes the hub once made, checked in the same run as the built pages: proof that
 * the validators really read the files and report each error with its line (a run that reports
 * nothing for any input would pass every other test here).
 */
const canaryDir = mkdtempSync(path.join(tmpdir(), 'validators-canary-'));
const CANARY = path.join(canaryDir, 'canary.html');
writeFileSync(
  CANARY,
  [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>',
    '<body><main><h1>Title</h1><h3>Skips a level</h3>',
    '<p><time datetime="2026-10-12/2026-10-16">12–16 October</time></p>',
    '<a target="_blank" rel="noopener">no href</a>',
    '</main></body></html><script src="/late.js"></script>',
    '',
  ].join('\n'),
);
afterAll(() => rmSync(canaryDir, { recursive: true, force: true }));

const pages = hostile.code === 0 ? htmlFiles(hostile.outDir) : [];
// Both validators at once: vnu in its Java process, html-validate here.
const findings = Promise.all([runVnu([...pages, CANARY]), runHtmlValidate([...pages, CANARY])]).then(([vnu, htmlValidate]) => [...vnu, ...htmlValidate]);
// Awaited by the tests below; a failure to start is reported there, not as an unhandled rejection before them.
findings.catch(() => {});
const of = (all: Finding[], file: string) => all.filter((finding) => finding.file === file);

describe('the hub of hostile content under outside validators', () => {
  it('builds', () => expect(hostile.code, hostile.output).toBe(0));

  it('has no error from the Nu Html Checker or html-validate on any page', { timeout: 300_000 }, async () => {
    const all = await findings;
    const onPages = all.filter((finding) => finding.file !== CANARY);
    const warnings = warningSummary(onPages);
    if (warnings.length) console.info(`Warnings on ${pages.length} pages of the hostile hub:\n  ${warnings.join('\n  ')}`);
    expect(pages.length).toBeGreaterThan(20);
    expect(errorLines(onPages, hostile.outDir)).toEqual([]);
  });

  it('reports the errors of a broken page with their lines', { timeout: 300_000 }, async () => {
    const canary = errorLines(of(await findings, CANARY), canaryDir);
    expect(canary).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^canary\.html:3:\d+ vnu: The heading 'h3' .* follows the heading 'h1' .*skipping 1 heading level/),
        expect.stringMatching(/^canary\.html:4:\d+ vnu: Bad value '2026-10-12\/2026-10-16' for attribute 'datetime' on element 'time'/),
        expect.stringMatching(/^canary\.html:5:\d+ vnu: Element 'a' is missing required attribute 'href'/),
        expect.stringMatching(/^canary\.html:6:\d+ vnu: Stray start tag 'script'/),
        expect.stringMatching(/^canary\.html:5:\d+ html-validate \[attribute-misuse\]: "target" attribute cannot be used on <a>/),
      ]),
    );
  });
});

/** The elements of an XML document named `name` (htmlparser2 in XML mode keeps prefixes and case). */
function elements(xml: string, name: string): Array<{ attribs: Record<string, string>; text: string }> {
  const found: Array<{ attribs: Record<string, string>; text: string }> = [];
  type Node = { type: string; name?: string; attribs?: Record<string, string>; data?: string; children?: Node[] };
  const text = (node: Node): string => (node.type === 'text' ? node.data! : (node.children ?? []).map(text).join(''));
  const walk = (node: Node) => {
    if (node.name === name) found.push({ attribs: node.attribs ?? {}, text: text(node) });
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as Node);
  return found;
}

describe('/rss.xml', () => {
  it('names its own address with atom:link rel="self", and each author as dc:creator, never in <author> (an e-mail address in RSS)', () => {
    const rss = read(valid.outDir, 'rss.xml');
    expect(rss).toMatch(/<rss version="2\.0"[^>]* xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(rss).toMatch(/<rss version="2\.0"[^>]* xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
    expect(elements(rss, 'atom:link').map((link) => link.attribs)).toEqual([{ href: 'https://hub.fixture.example/rss.xml', rel: 'self', type: 'application/rss+xml' }]);
    expect(elements(rss, 'author')).toEqual([]);
    expect(elements(rss, 'dc:creator').map((creator) => creator.text)).toEqual(['Ana Example']);
  });

  it('keeps an author name with markup as text', () => {
    const rss = read(hostile.outDir, 'rss.xml');
    expect(elements(rss, 'dc:creator').map((creator) => creator.text)).toContain('Person <script>window.__pwned=40</script>');
    expect(elements(rss, 'script')).toEqual([]);
  });
});
