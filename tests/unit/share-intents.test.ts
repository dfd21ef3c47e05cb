import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose, footer, withFirstLine } from '../../src/lib/share/compose.ts';
import { NETWORK_IDS, type NetworkId, crlf, emailSubject, network, needsClipboard, takesLinkApart } from '../../src/model/networks.ts';
import { draftPost } from '../../src/lib/share/draft.ts';
import { isPhoneBrowser } from '../../src/lib/share/draft.ts';

const intentUrl = (id: NetworkId, post: { text: string; link: string }, options: { mastodon: string }) => network(id).shareUrl(post, options);

const link = 'https://www.example.com/report?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=earth-week#numbers';
const parts = { text: 'Proud of what our plant teams did this year.', hashtags: ['Sustainability', 'ClimateAction'], disclosure: '#AcmeEmployee', link };
const options = { mastodon: 'hachyderm.io' };

describe('compose', () => {
  it('puts the text, then hashtags and disclosure, then the tagged link, in that order', () => {
    expect(compose('x', parts)).toEqual({
      text: `Proud of what our plant teams did this year.\n\n#Sustainability #ClimateAction #AcmeEmployee\n\n${link}`,
      link,
      linkInText: true,
    });
  });

  it('leaves out what is empty: no hashtags, disclosure "" (disabled)', () => {
    expect(compose('bluesky', { ...parts, hashtags: [], disclosure: '' }).text).toBe(`Proud of what our plant teams did this year.\n\n${link}`);
    expect(compose('bluesky', { ...parts, hashtags: [] }).text).toBe(`Proud of what our plant teams did this year.\n\n#AcmeEmployee\n\n${link}`);
    expect(footer(['A'], '  ')).toBe('#A');
  });

  it('gives Reddit a one-line title without hashtags (the disclosure stays) and Telegram the text, both without the link, which they take apart', () => {
    expect(compose('reddit', { ...parts, text: 'Line one\nline two' })).toEqual({
      text: 'Line one line two #AcmeEmployee',
      link,
      linkInText: false,
    });
    expect(compose('telegram', parts).text).toBe('Proud of what our plant teams did this year.\n\n#Sustainability #ClimateAction #AcmeEmployee');
    expect(NETWORK_IDS.filter(takesLinkApart)).toEqual(['reddit', 'telegram']);
    expect(compose('reddit', { ...parts, disclosure: '' }).text).toBe('Proud of what our plant teams did this year.');
  });

  it("puts the advocate's own first line before the text", () => {
    expect(withFirstLine('  I was there. ', 'The text.')).toBe('I was there.\n\nThe text.');
    expect(withFirstLine('', ' The text. ')).toBe('The text.');
    expect(withFirstLine('Only mine', '')).toBe('Only mine');
  });
});

describe('share URLs of the network registry', () => {
  const post = (network: NetworkId) => compose(network, parts);
  const q = encodeURIComponent;

  it('builds each network’s documented share URL', () => {
    const text = post('x').text;
    expect(intentUrl('linkedin', post('linkedin'), options)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${q(link)}`);
    expect(intentUrl('x', post('x'), options)).toBe(`https://x.com/intent/post?text=${q(text)}`);
    expect(intentUrl('bluesky', post('bluesky'), options)).toBe(`https://bsky.app/intent/compose?text=${q(text)}`);
    expect(intentUrl('mastodon', post('mastodon'), options)).toBe(`https://hachyderm.io/share?text=${q(text)}`);
    expect(intentUrl('threads', post('threads'), options)).toBe(`https://www.threads.com/intent/post?text=${q(text)}`);
    expect(intentUrl('facebook', post('facebook'), options)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${q(link)}`);
    expect(intentUrl('reddit', post('reddit'), options)).toBe(`https://www.reddit.com/submit?url=${q(link)}&title=${q(post('reddit').text)}`);
    expect(intentUrl('whatsapp', post('whatsapp'), options)).toBe(`https://wa.me/?text=${q(text)}`);
    expect(intentUrl('telegram', post('telegram'), options)).toBe(`https://t.me/share/url?url=${q(link)}&text=${q(post('telegram').text)}`);
    expect(intentUrl('email', post('email'), options)).toBe(
      `mailto:?subject=${q('Proud of what our plant teams did this year.')}&body=${q(text.replace(/\n/g, '\r\n'))}`,
    );
    expect(NETWORK_IDS.filter(needsClipboard)).toEqual(['linkedin', 'facebook']);
  });

  it('cuts a long e-mail subject after its last whole word within 78 characters, and says so with …', () => {
    expect(emailSubject('Short first line\nmore')).toBe('Short first line');
    const long = 'Every November our support lines get busier, and a lot of the calls are about small things: a filter.';
    expect(emailSubject(long)).toBe('Every November our support lines get busier, and a lot of the calls are about…');
    expect(emailSubject(long).length).toBeLessThanOrEqual(78);
    // A word that ends exactly at the 77th character stays whole; punctuation before the cut goes.
    expect(emailSubject(`${'a'.repeat(76)}b cdef`)).toBe(`${'a'.repeat(76)}b…`);
    expect(emailSubject(`${'word, '.repeat(20)}`)).toBe(`${'word, '.repeat(12)}word…`);
    // One word longer than a subject is cut inside it, never over 78.
    expect(emailSubject('x'.repeat(100))).toBe(`${'x'.repeat(77)}…`);
    expect(emailSubject(`${'😀'.repeat(90)}`)).toBe(`${'😀'.repeat(77)}…`);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const subject = emailSubject(text);
        const line = text.trim().split(/[\r\n]/, 1)[0]!;
        if ([...line].length <= 78) return subject === line;
        const kept = subject.slice(0, -1);
        return [...subject].length <= 78 && subject.endsWith('…') && line.startsWith(kept);
      }),
    );
    expect(crlf('a\nb\r\nc\rd')).toBe('a\r\nb\r\nc\r\nd');
  });

  it("opens LinkedIn's feed composer with the whole post where it takes text (desktop web), unless settings say link only", () => {
    const item = {
      id: 'report',
      link: 'https://www.example.com/report',
      hashtags: ['Sustainability'],
      variants: [{ text: 'Proud.' }],
      networks: ['linkedin', 'facebook'] as NetworkId[],
    };
    const shareSettings = { disclosure: '#AcmeEmployee', medium: 'employee-advocacy', mastodon: 'mastodon.social' };
    const linkedin = draftPost('linkedin', 'Proud.', item, shareSettings, 'ana-42');
    const tagged = 'https://www.example.com/report?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=report&utm_content=ana-42';
    expect(linkedin.url).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${q(tagged)}`);
    expect(linkedin.textUrl).toBe(`https://www.linkedin.com/feed/?shareActive=true&text=${q(`Proud.\n\n#Sustainability #AcmeEmployee\n\n${tagged}`)}`);
    expect(new URL(linkedin.textUrl!).searchParams.get('text')).toBe(linkedin.text);
    expect(linkedin.clipboard).toBe(true);
    expect(draftPost('linkedin', 'Proud.', item, { ...shareSettings, linkOnly: true }).textUrl).toBeUndefined();
    expect(draftPost('facebook', 'Proud.', item, shareSettings).textUrl).toBeUndefined();
    expect(NETWORK_IDS.filter((id) => network(id).textShareUrl)).toEqual(['linkedin']);
  });

  it('knows a phone browser from a desktop one', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    const android = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    const ipad = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
    const desktop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(isPhoneBrowser(iphone)).toBe(true);
    expect(isPhoneBrowser(android)).toBe(true);
    expect(isPhoneBrowser(ipad, 5)).toBe(true);
    expect(isPhoneBrowser(ipad, 0)).toBe(false);
    expect(isPhoneBrowser(desktop)).toBe(false);
  });

  /** What the composer of each network receives from its share URL, decoded. */
  function carried(network: NetworkId, url: string): { text?: string; link?: string } {
    if (network === 'email') {
      const params = new URLSearchParams(url.slice('mailto:?'.length).replace(/\+/g, '%2B'));
      return { text: params.get('body')! };
    }
    const params = new URL(url).searchParams;
    switch (network) {
      case 'linkedin':
        return { link: params.get('url')! };
      case 'facebook':
        return { link: params.get('u')! };
      case 'reddit':
        return { text: params.get('title')!, link: params.get('url')! };
      case 'telegram':
        return { text: params.get('text')!, link: params.get('url')! };
      default:
        return { text: params.get('text')! };
    }
  }

  it('carries the exact composed text (and link) for arbitrary Unicode, on every network', () => {
    const hashtag = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400, size: 'large' }),
        fc.array(hashtag, { maxLength: 3, size: 'medium' }),
        fc.string({ unit: 'grapheme', maxLength: 20, size: 'medium' }),
        fc.constantFrom(...NETWORK_IDS),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        (text, hashtags, disclosure, network, url) => {
          const composed = compose(network, { text, hashtags, disclosure, link: url });
          const got = carried(network, intentUrl(network, composed, options));
          if (needsClipboard(network)) {
            // The text goes to the clipboard; the share URL carries the link.
            expect(got.link).toBe(composed.link);
            expect(composed.text.endsWith(url)).toBe(true);
          } else if (network === 'email') {
            expect(got.text).toBe(crlf(composed.text));
          } else {
            expect(got.text).toBe(composed.text);
            if (takesLinkApart(network)) expect(got.link).toBe(url);
            else expect(got.text!.endsWith(url)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
