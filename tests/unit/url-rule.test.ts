/**
 * The one URL rule (src/model/urls.ts) through every field that takes an
 * address, and the places that must agree with it: the JSON Schema of
 * /snippets.json (no feed the hub publishes can break its own schema) and the
 * CMS's form patterns.
 */
import { describe, expect, it } from 'vitest';
import { buildFeed, feedJsonSchema } from '../../src/lib/share/feed.ts';
import { cmsBackend, decapConfig } from '../../src/lib/cms/config.ts';
import { emailAddress, httpUrl, httpsUrl } from '../../src/model/schemas/fields.ts';
import { settingsSchema } from '../../src/model/schemas/settings.ts';
import { addressPattern, isAddress } from '../../src/model/urls.ts';
import { quote } from '../../src/model/words.ts';
import { validator } from '../support/json-schema.ts';
import { settingsOf, VALID_TREE } from '../support/fixtures.ts';

const messageOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error!.issues.map((i) => i.message).join(' | ');
};

/** Addresses the rule refuses, with what the message must say. */
const REFUSED: [string, string, RegExp][] = [
  ['credentials', 'https://user:pass@example.com/page', /holds a user name or password before "@"/],
  ['a user name that hides the host', 'https://trusted.example@evil.example/', /holds a user name or password before "@"/],
  ['an empty user name', 'https://@evil.example/', /holds a user name or password before "@"/],
  ['a space', 'https://example.com/our page', /holds a space \(U\+0020\) at character 24/],
  ['a tab', 'https://example.com/\t/evil.example/', /holds a tab \(U\+0009\) at character 21: browsers drop it/],
  ['a line break', 'https://example.com/a\nhttps://evil.example/', /holds a line break \(U\+000A\)/],
  ['a carriage return', 'https://example.com/a\rb', /holds a carriage return \(U\+000D\)/],
  ['a no-break space', 'https://example.com/a\u00A0b', /holds a no-break space \(U\+00A0\)/],
  ['a control character', 'https://example.com/a\u0001b', /holds a control character \(U\+0001\)/],
  ['a C1 control character', 'https://example.com/a\u0085b', /U\+0085/],
  ['a right-to-left override', 'https://example.com/\u202Egnp.exe', /"https:\/\/example.com\/\\u202Egnp.exe", which holds a right-to-left override \(U\+202E\)/],
  ['a left-to-right embedding', 'https://example.com/\u202Aa', /left-to-right embedding \(U\+202A\)/],
  ['a right-to-left isolate', 'https://example.com/\u2067a', /right-to-left isolate \(U\+2067\)/],
  ['a pop directional isolate', 'https://example.com/\u2069a', /pop directional isolate \(U\+2069\)/],
  ['a left-to-right mark', 'https://example.com/\u200Ea', /left-to-right mark \(U\+200E\)/],
  ['a right-to-left mark', 'https://example.com/\u200Fa', /right-to-left mark \(U\+200F\)/],
  ['an Arabic letter mark', 'https://example.com/\u061Ca', /Arabic letter mark \(U\+061C\)/],
  ['a zero-width space', 'https://exam\u200Bple.com/', /zero-width space \(U\+200B\)/],
  ['a backslash', 'https://evil.example\\@trusted.example/', /holds a backslash \(U\+005C\): browsers read it as "\/"|holds a backslash \(U\+005C\) at character 21/],
  ['a scheme in capitals', 'HTTPS://example.com/', /writes the scheme in capitals; write https:\/\//],
  ['a script address', 'javascript:alert(1)', /^is "javascript:alert\(1\)"; expected an absolute http\(s\) URL/],
  ['a data: address', 'data:text/html,<script>alert(1)</script>', /expected an absolute http\(s\) URL/],
  ['a protocol-relative address', '//evil.example/', /expected an absolute http\(s\) URL/],
  ['no host', 'https:///path', /expected an absolute http\(s\) URL/],
  ['no slashes', 'https:example.com', /expected an absolute http\(s\) URL/],
];

/** Addresses the rule accepts, as editors paste them. */
const ACCEPTED = [
  'https://example.com',
  'https://example.com/report?lang=en#numbers',
  'http://example.com:8080/a/b/',
  'https://mastodon.social/@ana',
  'https://de.wikipedia.org/wiki/Stra%C3%9Fe',
  'https://example.com/café?q=ü',
  'https://例え.jp/パス',
  'https://example.com/?q={x}|y^z',
  'https://example.com/a"b<c>',
  'https://example.com/مرحبا',
];

describe('the URL rule of every address', () => {
  it.each(REFUSED)('refuses %s, naming the character or part and what is allowed', (_name, value, message) => {
    const text = messageOf(httpUrl(), value);
    expect(text).toMatch(message);
    expect(text).toMatch(/expected an absolute http\(s\) URL/);
    // The value as the editor wrote it, every invisible character written out.
    expect(text).toContain(quote(value));
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\n\t]/);
    expect(messageOf(httpsUrl(), value)).toMatch(/expected an https:\/\/ URL/);
    expect(isAddress(value, ['http', 'https'])).toBe(false);
  });

  it.each(ACCEPTED)('accepts %s', (value) => {
    expect(messageOf(httpUrl(), value)).toBeUndefined();
    expect(isAddress(value, ['http', 'https'])).toBe(true);
  });

  it('asks https of contact links', () => {
    expect(messageOf(httpsUrl(), 'http://cal.example.com/ana')).toMatch(/expected an https:\/\/ URL/);
    expect(messageOf(httpsUrl(), 'https://cal.example.com/ana')).toBeUndefined();
  });

  it('refuses invisible and bidirectional characters in e-mail addresses too', () => {
    expect(messageOf(emailAddress(), 'ana\u202E@example.com')).toMatch(/"ana\\u202E@example.com", which holds a right-to-left override \(U\+202E\) at character 4/);
    expect(messageOf(emailAddress(), 'ana@exam\u200Bple.com')).toMatch(/zero-width space/);
    expect(messageOf(emailAddress(), 'ana@example.com')).toBeUndefined();
  });
});

describe('settings.site', () => {
  const site = settingsSchema().shape.site;

  it.each([
    ['credentials', 'https://deploy:t0ken@hub.example.com/', /holds a user name or password before "@"/],
    ['markup', 'https://hub.example.com/<b>hub</b>"><script>alert(1)</script>/', /expected an absolute http\(s\) URL the hub is served from/],
    ['markup, percent-encoded', 'https://hub.example.com/%3Cb%3E/', /path segments of letters, digits/],
    ['a query', 'https://hub.example.com/?preview=1', /no user name, query or fragment/],
    ['a fragment', 'https://hub.example.com/#top', /no user name, query or fragment/],
    ['a host that is not ASCII', 'https://hüb.example.com/', /an ASCII host/],
    ['a line break', 'https://hub.example.com/\nx', /holds a line break/],
    ['a right-to-left override', 'https://hub.example.com/\u202Ebuh/', /right-to-left override \(U\+202E\)/],
    ['a dot segment', 'https://hub.example.com/../admin/', /path segments/],
  ])('refuses a site with %s', (_name, value, message) => {
    expect(messageOf(site, value)).toMatch(message);
  });

  it.each(['https://voices.example.com', 'https://acme.github.io/advocacy-hub/', 'http://localhost:4321', 'https://hub.example.com/a/b'])('accepts %s', (value) => {
    expect(messageOf(site, value)).toBeUndefined();
  });
});

describe('settings.brand.logo', () => {
  const logo = settingsSchema().shape.brand.shape.logo;

  it.each([
    '//evil.example/logo.png',
    '/\\evil.example/logo.png',
    'https://evil.example/logo.png',
    '/brand/../../etc/logo.png',
    '/brand/lo go.svg',
    '/brand/\u202Egvs.png',
    '/brand/.hidden.svg',
  ])('refuses %j', (value) => {
    expect(messageOf(logo, value)).toMatch(/expected a path under public\//);
  });

  it('accepts a file under public/', () => {
    expect(messageOf(logo, '/brand/logo.svg')).toBeUndefined();
    expect(messageOf(logo, '/brand/acme_logo-2.v3.PNG')).toBeUndefined();
  });
});

describe('what publishes addresses agrees with the rule', () => {
  const feedWith = (link: string) =>
    JSON.parse(
      buildFeed({
        schemaUrl: 'https://hub.example.com/snippets.schema.json',
        indexUrl: 'https://hub.example.com/snippets.json',
        pageUrl: (n) => `https://hub.example.com/snippets/${n}.json`,
        hub: { name: 'Hub', site: 'https://hub.example.com/' },
        now: new Date('2026-11-22T00:00:00Z'),
        settings: { disclosure: '', medium: 'employee-advocacy', mastodon: 'mastodon.social' },
        snippets: [
          {
            id: 'a',
            title: 'A',
            url: 'https://hub.example.com/share/a/',
            link,
            topics: ['t'],
            teams: ['all'],
            hashtags: [],
            variants: [{ text: 'Text.' }],
            networks: ['linkedin', 'x', 'email'],
          },
        ],
      }).page(1)!,
    ) as unknown;
  const validate = validator(feedJsonSchema('https://hub.example.com/snippets.schema.json'));

  it.each(ACCEPTED)('publishes a feed that matches its own JSON Schema for the accepted link %s', (link) => {
    expect(validate(feedWith(link)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(REFUSED.filter(([, value]) => /^https:\/\//.test(value)))('has a JSON Schema that refuses the link with %s, as the rule does', (_name, link) => {
    expect(validate(feedWith(link))).toBe(false);
  });

  it('gives the CMS form the same pattern for every address field', () => {
    const settings = settingsOf(VALID_TREE);
    const text = JSON.stringify(decapConfig({ settings, contentPath: 'content', ...cmsBackend({ settings }) }));
    expect(text).toContain(JSON.stringify(addressPattern(['http', 'https'])));
    expect(text).toContain(JSON.stringify(addressPattern(['https'])));
    for (const [, value] of REFUSED) expect(new RegExp(addressPattern(['http', 'https'])).test(value), value).toBe(false);
    for (const value of ACCEPTED) expect(new RegExp(addressPattern(['http', 'https'])).test(value), value).toBe(true);
  });
});
