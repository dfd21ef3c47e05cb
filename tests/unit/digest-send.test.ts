/**
 * `npm run digest:send` (scripts/digest-send.ts) against a real SMTP server on loopback (smtp-server),
 * each message read back with mailparser: one message per team with something new, its HTML and text
 * parts, every item's tagged link, the team's recipients; retries, the record of what was sent, and
 * failures that name what to fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestFor, distWith } from '../support/digest.ts';
import { runScript } from '../support/run-script.ts';

interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

const received: Received[] = [];
/** What the server answers to the next messages: an SMTP error code and text, or nothing (accept). */
let refusals: { code: number; text: string }[] = [];
let port = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session: SMTPServerSession, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', async () => {
      const refusal = refusals.shift();
      if (refusal) return callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail: await simpleParser(Buffer.concat(chunks)) });
      callback();
    });
  },
});

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((port = (server.server.address() as { port: number }).port), resolve()))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const all = digestFor('all', 'Everyone');
const sales = digestFor('sales', 'Sales');
const support = digestFor('support', 'Support'); // an empty week
const dist = distWith([all, sales, support]);
let state = '';

beforeEach(() => {
  received.length = 0;
  refusals = [];
  state = path.join(mkdtempSync(path.join(tmpdir(), 'hub-digest-state-')), 'sent.json');
});

const env = (extra: Record<string, string | undefined> = {}) => ({
  HUB_SMTP_URL: `smtp://127.0.0.1:${port}`,
  HUB_DIGEST_FROM: 'Hub <hub@hub.example>',
  HUB_DIGEST_TO_ALL: 'everyone@hub.example',
  HUB_DIGEST_TO_SALES: 'ana@hub.example, bo@hub.example',
  HUB_DIGEST_TO_SUPPORT: 'cy@hub.example',
  HUB_DIGEST_STATE: state,
  HUB_DIGEST_RETRY_MS: '10',
  ...extra,
});
const send = (extra?: Record<string, string | undefined>) => runScript('scripts/digest-send.ts', [dist], env(extra));
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('digest:send', { timeout: 60_000 }, () => {
  it('sends one message per team with something new, to that team, with both parts and every tagged link', async () => {
    const run = await send();
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(received.map((r) => r.rcptTo)).toEqual([['everyone@hub.example'], ['ana@hub.example', 'bo@hub.example']]);
    expect(run.stdout).toMatch(/not sent +e-mail · support · 2027-W23 .*nothing new this week/);
    for (const [digest, { mail }] of [
      [all, received[0]!],
      [sales, received[1]!],
    ] as const) {
      expect(mail.subject).toBe(digest.subject);
      expect(mail.from?.text).toBe('"Hub" <hub@hub.example>');
      expect(mail.html).toBeTruthy();
      expect(mail.text).toContain(digest.intro);
      const items = digest.sections.flatMap((s) => s.items);
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) {
        expect(new URL(item.url).searchParams.get('utm_source')).toBe('digest');
        expect(links(mail.html as string)).toContain(item.url);
        expect(mail.text).toContain(item.url);
      }
      // No tracking pixel and no remote resource but the hub's own cards.
      const sources = [...(mail.html as string).matchAll(/<(?:img|link|script)\b[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source).toMatch(/^https:\/\/hub\.example\/og\/[a-z]+\/[a-z-]+\.png$/);
    }
    expect(JSON.parse(readFileSync(state, 'utf8')).sent).toMatchObject({
      'all/2026-W48/email': { channel: 'email', to: '1 recipient (HUB_DIGEST_TO_ALL)' },
      'sales/2026-W48/email': { channel: 'email', to: '2 recipients (HUB_DIGEST_TO_SALES)' },
    });
  });

  it('sends nothing again when run again for the same week', async () => {
    expect((await send()).code).toBe(0);
    expect(received).toHaveLength(2);
    const again = await send();
    expect(again.code).toBe(0);
    expect(received).toHaveLength(2);
    expect(again.stdout).toMatch(/0 sent/);
    expect(again.stdout).toMatch(/e-mail · sales · 2026-W48 .*sent already/);
  });

  it('tries again after a refusal, and delivers once', async () => {
    refusals = [{ code: 451, text: 'Try again later' }];
    const run = await send();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/email all: attempt 1 of 4 failed \(.*451 Try again later\); trying again in 10 ms/);
    expect(received.map((r) => r.mail.subject)).toEqual([all.subject, sales.subject]);
  });

  it('fails naming the channel, the team and the answer; a re-run sends only what is missing', async () => {
    refusals = Array.from({ length: 4 }, () => ({ code: 550, text: 'Mailbox unavailable' }));
    const run = await send();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /digest:send failed:\n {2}e-mail for all: .*550 Mailbox unavailable; delivered: e-mail for sales \(recorded, a re-run sends only what is missing\)/,
    );
    expect(received.map((r) => r.mail.subject)).toEqual([sales.subject]);
    const rerun = await send();
    expect(rerun.code).toBe(0);
    expect(received.map((r) => r.mail.subject)).toEqual([sales.subject, all.subject]);
  });

  it('sends nothing and names every missing variable', async () => {
    const run = await send({ HUB_DIGEST_TO_SALES: undefined, HUB_DIGEST_FROM: '' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Nothing was sent: e-mailing the digests need HUB_DIGEST_FROM, HUB_DIGEST_TO_SALES (docs/digest.md)');
    expect(received).toEqual([]);
  });

  it('reads the settings from a file outside content/, never from inside it', async () => {
    const file = path.join(path.dirname(state), 'digest.env');
    writeFileSync(file, `HUB_DIGEST_TO_SALES="ana@hub.example"\nHUB_DIGEST_FROM=file@hub.example\n`);
    const run = await send({ HUB_DIGEST_TO_SALES: undefined, HUB_DIGEST_FROM: undefined, HUB_DIGEST_CONFIG: file });
    expect(run.code, run.stderr).toBe(0);
    expect(received[1]!.rcptTo).toEqual(['ana@hub.example']);
    expect(received[1]!.mail.from?.text).toBe('file@hub.example');
    const inside = await send({ HUB_DIGEST_CONFIG: 'content/digest.env' });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/HUB_DIGEST_CONFIG is "content\/digest.env", inside the content folder content; keep addresses and secrets in a file outside it/);
  });

  it('sends nothing over a broken record of what was sent, rather than send the week again', async () => {
    writeFileSync(state, '{"version": 1, "sent": {');
    const run = await send();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HUB_DIGEST_STATE: .*sent\.json is not valid JSON .*; fix or remove it \(removing it sends this week's digests again\)/);
    expect(received).toEqual([]);
  });

  it('refuses an address list with a typo', async () => {
    const run = await send({ HUB_DIGEST_TO_SALES: 'ana@hub.example; bo@hub' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HUB_DIGEST_TO_SALES holds "ana@hub.example; bo@hub", which is not an e-mail address/);
    expect(received).toEqual([]);
  });
});
