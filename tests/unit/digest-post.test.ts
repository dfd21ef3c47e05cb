/**
 * `npm run digest:post` (scripts/digest-post.ts) against an HTTP receiver on loopback standing in for
 * Slack's and Teams' webhooks: each team's payloads arrive once, within Block Kit's limits and valid
 * as Adaptive Cards (read by the Adaptive Cards SDK) within Teams' size limit; a 500 is retried, a
 * re-run posts nothing, a missing webhook is named. The message builders are also tried on a digest
 * far too long for one message.
 */
import { mkdtempSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_LIMITS, type SlackMessage, slackMessage } from '../../src/lib/digest/slack.ts';
import { TEAMS_MAX_BYTES, type TeamsMessage, teamsMessage } from '../../src/lib/digest/teams.ts';
import type { Digest } from '../../src/lib/digest/types.ts';
import { digestFor, distWith } from '../support/digest.ts';
import { runScript } from '../support/run-script.ts';

// The SDK's ES modules import without extensions, which Node refuses; its bundle loads as it is.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

interface Hit {
  path: string;
  body: unknown;
}
const hits: Hit[] = [];
/** Status codes to answer the next requests with (then 200). */
let answers: number[] = [];
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const status = answers.shift() ?? 200;
    if (status === 200) hits.push({ path: request.url!, body: JSON.parse(body) });
    response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'internal_error');
  });
});
let base = '';
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`), resolve()))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const all = digestFor('all', 'Everyone');
const sales = digestFor('sales', 'Sales');
const dist = distWith([all, sales]);
let state = '';
beforeEach(() => {
  hits.length = 0;
  answers = [];
  state = path.join(mkdtempSync(path.join(tmpdir(), 'hub-digest-state-')), 'sent.json');
});

const env = (extra: Record<string, string | undefined> = {}) => ({
  HUB_SLACK_WEBHOOK_ALL: `${base}/slack/all`,
  HUB_SLACK_WEBHOOK_SALES: `${base}/slack/sales`,
  HUB_TEAMS_WEBHOOK_SALES: `${base}/teams/sales`,
  HUB_DIGEST_STATE: state,
  HUB_DIGEST_RETRY_MS: '10',
  ...extra,
});
const post = (extra?: Record<string, string | undefined>) => runScript('scripts/digest-post.ts', [dist], env(extra));

/** Block Kit's limits, as Slack documents them for messages. */
function slackProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (!message.text?.trim()) problems.push('no text fallback');
  if (message.blocks.length > SLACK_LIMITS.blocks) problems.push(`${message.blocks.length} blocks`);
  for (const block of message.blocks as { type: string; text?: { text: string }; accessory?: { text: { text: string }; url: string } }[]) {
    if (block.type === 'section' && [...block.text!.text].length > SLACK_LIMITS.sectionText) problems.push('section text too long');
    if (block.type === 'header' && [...block.text!.text].length > SLACK_LIMITS.headerText) problems.push('header too long');
    if (block.accessory && [...block.accessory.text.text].length > SLACK_LIMITS.buttonText) problems.push('button text too long');
  }
  return problems;
}

/** What the Adaptive Cards SDK finds wrong with a Teams message's card, its envelope and its size. */
function teamsProblems(message: TeamsMessage): string[] {
  const problems: string[] = [];
  if (message.type !== 'message' || message.attachments.length !== 1) problems.push('not one attachment in a message');
  const attachment = message.attachments[0]!;
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') problems.push(`content type ${attachment.contentType}`);
  const content = attachment.content as { type: string; version: string };
  if (content.type !== 'AdaptiveCard' || Number(content.version) > 1.5) problems.push(`${content.type} ${content.version}`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  problems.push(...card.validateProperties().validationEvents.map((e) => e.message));
  const bytes = new TextEncoder().encode(JSON.stringify(message)).length;
  if (bytes > TEAMS_MAX_BYTES) problems.push(`${bytes} bytes`);
  return problems;
}

describe('digest:post', { timeout: 60_000 }, () => {
  it('posts each team’s digest to its webhooks, once, within Slack’s and Teams’ rules', async () => {
    const run = await post();
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(hits.map((h) => h.path)).toEqual(['/slack/all', '/slack/sales', '/teams/sales']);
    for (const [hit, digest] of [
      [hits[0]!, all],
      [hits[1]!, sales],
    ] as const) {
      const message = hit.body as SlackMessage;
      expect(slackProblems(message)).toEqual([]);
      expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: digest.subject } });
      for (const item of digest.sections.flatMap((s) => s.items)) {
        expect(JSON.stringify(message.blocks)).toContain(JSON.stringify(item.url));
        expect(message.text).toContain(item.url);
      }
    }
    const teams = hits[2]!.body as TeamsMessage;
    expect(teamsProblems(teams)).toEqual([]);
    for (const item of sales.sections.flatMap((s) => s.items)) expect(JSON.stringify(teams)).toContain(JSON.stringify(item.url));
    expect(run.stdout).toMatch(/sent +Slack · sales · 2026-W48 → webhook on 127\.0\.0\.1:\d+ \(HUB_SLACK_WEBHOOK_SALES\)/);
    expect(run.stdout).not.toContain('/slack/');
  });

  it('retries a 500 and delivers once; a re-run posts nothing', async () => {
    answers = [500];
    const run = await post();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/slack all: attempt 1 of 4 failed \(HTTP 500: internal_error\)/);
    expect(hits.map((h) => h.path)).toEqual(['/slack/all', '/slack/sales', '/teams/sales']);
    const again = await post();
    expect(again.code).toBe(0);
    expect(hits).toHaveLength(3);
    expect(again.stdout).toMatch(/0 sent, 3 not needed, 0 failed/);
  });

  it('fails naming the channel, team and answer after its tries, keeping what was delivered', async () => {
    answers = [500, 500, 500, 500];
    const run = await post();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('digest:post failed:\n  Slack for all: HTTP 500: internal_error; delivered: Slack for sales, Teams for sales');
    expect(await post().then((r) => r.code)).toBe(0);
    expect(hits.map((h) => h.path)).toEqual(['/slack/sales', '/teams/sales', '/slack/all']);
  });

  it('names a team without a webhook and posts nothing', async () => {
    const run = await post({ HUB_SLACK_WEBHOOK_SALES: undefined, HUB_TEAMS_WEBHOOK_SALES: '' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Nothing was sent: posting the digests needs HUB_SLACK_WEBHOOK_SALES or HUB_TEAMS_WEBHOOK_SALES (docs/digest.md)');
    expect(hits).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find what breaks Slack’s limits or an Adaptive Card', () => {
    const slack = slackMessage(sales);
    const tooMany = { ...slack, blocks: Array.from({ length: 51 }, () => slack.blocks[1]!) };
    expect(slackProblems(tooMany)).toEqual(['51 blocks']);
    expect(slackProblems({ ...slack, text: ' ' })).toEqual(['no text fallback']);
    const teams = teamsMessage(sales);
    const card = structuredClone(teams.attachments[0]!.content) as { body: Record<string, unknown>[] };
    card.body.push({ type: 'Bogus' });
    card.body[0]!.size = 'Huge';
    const problems = teamsProblems({ ...teams, attachments: [{ ...teams.attachments[0]!, content: card }] });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/Unknown element type "Bogus"/), expect.stringMatching(/Invalid value "Huge" for property "size"/)]),
    );
  });
});

describe('a digest too long for one message', () => {
  const long: Digest = {
    ...sales,
    intro: 'i'.repeat(5000),
    sections: sales.sections.map((s) => ({
      ...s,
      items: Array.from({ length: 40 }, (_, n) => ({ ...s.items[0]!, id: `x${n}`, title: `T <${n}> & | `.repeat(30), text: 'w '.repeat(2500) })),
    })),
  };
  it('keeps Slack’s limits, and says how many items are on the page only', () => {
    const message = slackMessage(long);
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(JSON.stringify(message.blocks.at(-3))).toMatch(/\(\+\d+\)/);
  });
  it('keeps Teams’ size limit with a valid card', () => {
    expect(teamsProblems(teamsMessage(long))).toEqual([]);
  });
});
