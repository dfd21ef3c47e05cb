/**
 * The pure logic of /compose/ and "Suggest a post": which links get UTM tags,
 * which links are refused and why, what the browser keeps, the bookmarklet,
 * the suggestion URLs of each channel, and the settings that choose them.
 */
import { describe, expect, it } from 'vitest';
import { isOwnLink, ownDomains } from '../../src/lib/share/own-domains.ts';
import { LINK_MAX_LENGTH, linkProblem, sharedInput } from '../../src/lib/share/link-input.ts';
import { draftPost } from '../../src/lib/share/draft.ts';
import { type Composition, fileAndStart, parseCompositions, withoutRecent } from '../../src/lib/share/compositions.ts';
import { bookmarkletHref } from '../../src/lib/share/bookmarklet.ts';
import { FORM_FIELDS, suggestUrl, suggestionText } from '../../src/lib/suggest.ts';
import { settingsSchema } from '../../src/model/schemas/settings.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT } from '../support/build.ts';

describe('own domains (UTM tags only on the company’s links)', () => {
  const own = ['tidewater.example.com', 'voices.example.net'];
  it('takes a domain and its subdomains, in any case, and nothing that merely ends with the same letters', () => {
    expect(isOwnLink('https://tidewater.example.com/x', own)).toBe(true);
    expect(isOwnLink('https://WWW.Tidewater.Example.com./careers?x=1', own)).toBe(true);
    expect(isOwnLink('https://eviltidewater.example.com/', own)).toBe(false);
    expect(isOwnLink('https://tidewater.example.com.evil.example/', own)).toBe(false);
    expect(isOwnLink('https://news.example.org/', own)).toBe(false);
    expect(isOwnLink('not a link', own)).toBe(false);
  });
  it('defaults to the host of site and of the snippets’ links, each once, www. standing for its domain; a settings list replaces them', () => {
    const own = ownDomains(undefined, 'https://voices.tidewater.example.com/hub/', ['https://www.tidewater.example.com/a', 'https://www.tidewater.example.com/b']);
    expect(own).toEqual(['voices.tidewater.example.com', 'tidewater.example.com']);
    // The company's link written without www is its own, a look-alike domain is not.
    expect(isOwnLink('https://tidewater.example.com/news/y', own)).toBe(true);
    expect(isOwnLink('https://tidewater.example.com.evil.example/', own)).toBe(false);
    expect(ownDomains(['Tidewater.example.com'], 'https://voices.example', [])).toEqual(['tidewater.example.com']);
  });
  it('leaves an untagged item’s link exactly as pasted in every network’s post', () => {
    const link = 'https://news.example.org/a?utm_source=theirs&b=%20#frag';
    const item = { id: 'compose', link, hashtags: [], variants: [], networks: ['x' as const], untagged: true };
    const settings = { disclosure: '#Emp', medium: 'employee-advocacy', mastodon: 'mastodon.social' };
    expect(draftPost('x', 'Words', item, settings, 'ana').link).toBe(link);
    expect(draftPost('x', 'Words', { ...item, untagged: false }, settings).link).toBe(
      'https://news.example.org/a?b=%20&utm_source=x&utm_medium=employee-advocacy&utm_campaign=compose#frag',
    );
  });
});

describe('a link pasted into /compose/', () => {
  it('accepts http and https links', () => {
    expect(linkProblem('https://www.tidewater.example.com/cold-weather?lang=en')).toBeUndefined();
    expect(linkProblem('  http://example.org/a  ')).toBeUndefined();
  });
  it('refuses script and other schemes, however they are disguised', () => {
    expect(linkProblem('javascript:alert(1)')).toEqual({ kind: 'script', scheme: 'javascript' });
    expect(linkProblem('JavaScript:alert(1)')).toEqual({ kind: 'script', scheme: 'javascript' });
    expect(linkProblem('java\tscript:alert(1)')).toEqual({ kind: 'script', scheme: 'javascript' });
    expect(linkProblem('data:text/html,<b>hi</b>')).toEqual({ kind: 'script', scheme: 'data' });
    expect(linkProblem('ftp://example.org/file')).toEqual({ kind: 'scheme', scheme: 'ftp' });
  });
  it('refuses credentials, long links, text and forbidden characters, with the rule’s words', () => {
    expect(linkProblem('https://ana:secret@example.org/')).toEqual({ kind: 'credentials' });
    expect(linkProblem('https://trusted.example@evil.example/')).toEqual({ kind: 'credentials' });
    const long = `https://example.org/?q=${'a'.repeat(LINK_MAX_LENGTH)}`;
    expect(linkProblem(long)).toEqual({ kind: 'tooLong', length: long.length });
    expect(linkProblem(`https://example.org/${'a'.repeat(LINK_MAX_LENGTH - 20)}`)).toBeUndefined();
    expect(linkProblem('hello world')).toEqual({ kind: 'notUrl' });
    expect(linkProblem('')).toEqual({ kind: 'empty' });
    expect(linkProblem('https://example.org/a\u202Eb')).toEqual({ kind: 'character', refusal: 'invisible', code: 'U+202E', at: 22 });
    expect(linkProblem('https://evil.example\\@trusted.example')).toEqual({ kind: 'character', refusal: 'backslash', code: 'U+005C', at: 21 });
    expect(linkProblem('https://example.org/a b')).toEqual({ kind: 'character', refusal: 'space', code: 'U+0020', at: 22 });
    expect(linkProblem('HTTPS://example.org/')).toEqual({ kind: 'capitals', scheme: 'https' });
  });
  it('suggests https:// for a link pasted without it', () => {
    expect(linkProblem('example.org/story')).toEqual({ kind: 'noScheme', suggestion: 'https://example.org/story' });
  });
});

describe('compositions kept in the browser', () => {
  const a: Composition = { url: 'https://a.example/', title: 'A', text: 'one', at: 1 };
  const b: Composition = { url: 'https://b.example/', title: '', text: 'two', at: 2 };
  it('reads only what it wrote, and skips damaged entries', () => {
    expect(parseCompositions(null)).toEqual({ v: 1, recent: [] });
    expect(parseCompositions('{"v":2,"recent":[]}')).toEqual({ v: 1, recent: [] });
    expect(parseCompositions('not json')).toEqual({ v: 1, recent: [] });
    expect(parseCompositions(JSON.stringify({ v: 1, current: a, recent: [b, { url: 1 }, { ...a, networks: ['x', 'myspace'] }] }))).toEqual({
      v: 1,
      current: a,
      recent: [b, { ...a, networks: ['x'] }],
    });
  });
  it('files the current composition before starting another, never twice, and drops one only when asked', () => {
    const started = fileAndStart({ v: 1, current: a, recent: [] }, b);
    expect(started).toEqual({ v: 1, current: b, recent: [a] });
    expect(fileAndStart(started, a)).toEqual({ v: 1, current: a, recent: [b] });
    expect(fileAndStart({ v: 1, current: { url: '', title: '', text: ' ', at: 0 }, recent: [] }, a).recent).toEqual([]);
    expect(withoutRecent(started, 0).recent).toEqual([]);
  });
});

describe('the bookmarklet', () => {
  it('opens the composer with the page’s URL, title and selection, in a javascript: URL without double quotes', () => {
    const href = bookmarkletHref('https://voices.example/compose/');
    expect(href.startsWith('javascript:')).toBe(true);
    expect(href).not.toContain('"');
    const opened: string[] = [];
    const page = { location: { href: 'https://news.example.org/a?b=1&c=2#x' }, document: { title: 'Café & “quotes”' }, getSelection: () => 'Selected words' };
    // Run the code as a browser would on that page, with `location.href` writes recorded.
    const location = new Proxy(page.location, { set: (_t, _k, value: string) => (opened.push(value), true) });
    new Function('location', 'document', 'getSelection', href.slice('javascript:'.length))(location, page.document, page.getSelection);
    expect(opened).toEqual([
      `https://voices.example/compose/?url=${encodeURIComponent(page.location.href)}&title=${encodeURIComponent(page.document.title)}&text=Selected%20words`,
    ]);
  });
});

describe('suggestion URLs', () => {
  const suggestion = {
    title: 'Suggestion: Cold weather',
    link: 'https://a.example/x?y=1&z=2',
    wording: 'Line one\nLine two & more',
    team: 'sales',
    topic: 'product',
    notes: '',
  };
  it('GitHub: the issue form, each field as a query parameter named by its id, empty ones left out', () => {
    expect(suggestUrl({ channel: 'github', repo: 'acme/hub' }, suggestion)).toBe(
      'https://github.com/acme/hub/issues/new?template=suggest-post.yml&title=Suggestion%3A%20Cold%20weather&link=https%3A%2F%2Fa.example%2Fx%3Fy%3D1%26z%3D2&wording=Line%20one%0ALine%20two%20%26%20more&team=sales&topic=product',
    );
    expect(suggestUrl({ channel: 'github', repo: 'acme/hub', base_url: 'https://git.acme.example/' }, { title: 'T' })).toBe(
      'https://git.acme.example/acme/hub/issues/new?template=suggest-post.yml&title=T',
    );
  });
  it('GitLab: a title and a description an editor reads as a snippet', () => {
    const url = new URL(suggestUrl({ channel: 'gitlab', repo: 'acme/comms/hub' }, suggestion));
    expect(url.origin + url.pathname).toBe('https://gitlab.com/acme/comms/hub/-/issues/new');
    expect(url.searchParams.get('issue[title]')).toBe('Suggestion: Cold weather');
    expect(url.searchParams.get('issue[description]')).toBe(
      'Link: https://a.example/x?y=1&z=2\n\nProposed wording:\nLine one\nLine two & more\n\nTeam: sales\n\nTopic: product',
    );
  });
  it('e-mail: a mailto: with subject and body, spaces as %20 (mail apps do not read + as a space)', () => {
    const url = suggestUrl({ channel: 'email', email: 'editors@acme.example' }, suggestion);
    expect(url).toBe(`mailto:editors@acme.example?subject=Suggestion%3A%20Cold%20weather&body=${encodeURIComponent(suggestionText(suggestion))}`);
    expect(url).not.toContain('+');
  });
  it('uses the field ids of the issue form shipped in .github/ISSUE_TEMPLATE', () => {
    const form = readFileSync(path.join(PROJECT, '.github/ISSUE_TEMPLATE/suggest-post.yml'), 'utf8');
    expect([...form.matchAll(/^\s+id: (\S+)$/gm)].map((m) => m[1])).toEqual([...FORM_FIELDS]);
  });
});

describe('settings for compose and suggest', () => {
  const base = { name: 'Hub', organization: 'Org', site: 'https://hub.example', brand: { primary: '#0b3d91', accent: '#f5a623' }, teams: ['all'], topics: ['x'] };
  const problems = (extra: Record<string, unknown>) => {
    const result = settingsSchema().safeParse({ ...base, ...extra });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  it('are optional, and take each channel with what it needs', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ compose: { own_domains: ['acme.example', 'www.acme.example'] } })).toEqual([]);
    expect(problems({ suggest: { channel: 'github', repo: 'acme/hub' } })).toEqual([]);
    expect(problems({ suggest: { channel: 'gitlab', repo: 'acme/comms/hub', base_url: 'https://git.acme.example' } })).toEqual([]);
    expect(problems({ suggest: { channel: 'email', email: 'editors@acme.example' } })).toEqual([]);
  });
  it('say clearly what is missing or wrong', () => {
    expect(problems({ compose: { own_domains: ['https://acme.example'] } })).toEqual([expect.stringMatching(/^compose\.own_domains\.0: .*a host name such as/)]);
    expect(problems({ suggest: { channel: 'github' } })).toEqual(['suggest.repo: is missing; the github channel needs the repository as owner/name']);
    expect(problems({ suggest: { channel: 'email' } })).toEqual(["suggest.email: is missing; the email channel needs the editors' address"]);
    expect(problems({ suggest: { channel: 'email', email: 'editors@acme.example', repo: 'acme/hub' } })).toEqual([
      expect.stringMatching(/^suggest\.repo: .*but channel email does not use it; it applies to github and gitlab only$/),
    ]);
    expect(problems({ suggest: { channel: 'slack' } })[0]).toMatch(/^suggest\.channel: .*github, gitlab, email/);
    expect(problems({ suggest: { channel: 'email', email: 'mailto:editors@acme.example' } })[0]).toMatch(/^suggest\.email: /);
    expect(problems({ suggest: { channel: 'github', repo: '../etc' } })[0]).toMatch(/^suggest\.repo: .*owner\/name/);
  });
});

describe('what a share sheet hands over', () => {
  it('takes the last web address of the text as the link when the app gives no url', () => {
    expect(sharedInput({ url: '', title: 'Heat pumps', text: 'A good read https://news.example/heat?x=1' })).toEqual({
      url: 'https://news.example/heat?x=1',
      title: 'Heat pumps',
      text: 'A good read',
    });
    expect(sharedInput({ url: '', title: '', text: 'https://news.example/a' })).toEqual({ url: 'https://news.example/a', title: '', text: '' });
    expect(sharedInput({ url: '', title: '', text: 'see https://a.example/1 and https://b.example/2 today' })).toEqual({
      url: 'https://b.example/2',
      title: '',
      text: 'see https://a.example/1 and today',
    });
  });

  it('keeps a given url, and a text without an address, as they are', () => {
    const given = { url: 'https://hub.example/x', title: 't', text: 'words https://other.example/' };
    expect(sharedInput(given)).toBe(given);
    expect(sharedInput({ url: '', title: '', text: 'just words' })).toEqual({ url: '', title: '', text: 'just words' });
  });
});
