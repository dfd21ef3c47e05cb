/**
 * Runs the week's deliveries of `digest:send` and `digest:post`: reads the digests the build wrote to
 * dist/, skips empty ones and those the ledger has, tries each other delivery a bounded number of
 * times with growing pauses, records each success at once, and reports what went where (to the
 * console and, in GitHub Actions, to the job summary). Fails when any delivery failed, naming the
 * channel, the team and the server's answer.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Digest, DigestIndex } from '../../../src/lib/digest/types.ts';
import { ConfigError, type Env } from './config.ts';
import { type Channel, DEFAULT_STATE, deliveryKey, readLedger, writeLedger } from './ledger.ts';

export interface Delivery {
  digest: Digest;
  channel: Channel;
  /** Where it goes, without secrets, for the report and the ledger. */
  to: string;
  send(): Promise<void>;
}

export interface Outcome {
  sent: Delivery[];
  skipped: { delivery: Delivery; why: string }[];
  failed: { delivery: Delivery; error: string }[];
}

/** The week's digests from a build: /digest.json and each /digest/<team>.json it lists. */
export function readDigests(dist: string): Digest[] {
  const indexFile = path.join(dist, 'digest.json');
  if (!existsSync(indexFile)) throw new ConfigError(`${indexFile} does not exist; build the hub first (npm run build, with the same HUB_CONTENT_DIR and HUB_NOW)`);
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as DigestIndex;
  return index.digests.map(({ team }) => JSON.parse(readFileSync(path.join(dist, 'digest', `${team}.json`), 'utf8')) as Digest);
}

export interface RunOptions {
  env: Env;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function positive(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new ConfigError(`${name} is "${value}"; expected a number of 0 or more`);
  return number;
}

export async function deliver(deliveries: Delivery[], { env, log = console.log, sleep = wait }: RunOptions): Promise<Outcome> {
  const stateFile = path.resolve(env.HUB_DIGEST_STATE || DEFAULT_STATE);
  const attempts = Math.max(1, Math.floor(positive(env, 'HUB_DIGEST_ATTEMPTS', 4)));
  const pause = positive(env, 'HUB_DIGEST_RETRY_MS', 2000);
  const ledger = readLedger(stateFile);
  const outcome: Outcome = { sent: [], skipped: [], failed: [] };
  for (const delivery of deliveries) {
    const { digest, channel } = delivery;
    const key = deliveryKey(digest.team, digest.week, channel);
    const done = ledger.sent[key];
    if (done) {
      outcome.skipped.push({ delivery, why: `sent already at ${done.at}` });
      continue;
    }
    if (digest.empty) {
      outcome.skipped.push({ delivery, why: 'nothing new this week' });
      continue;
    }
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await delivery.send();
        lastError = '';
        break;
      } catch (error) {
        lastError = (error as Error).message;
        if (attempt < attempts) {
          const ms = pause * 2 ** (attempt - 1);
          log(`  ${channel} ${digest.team}: attempt ${attempt} of ${attempts} failed (${lastError}); trying again in ${ms} ms`);
          await sleep(ms);
        }
      }
    }
    if (lastError) {
      outcome.failed.push({ delivery, error: lastError });
      continue;
    }
    ledger.sent[key] = { team: digest.team, week: digest.week, channel, at: new Date().toISOString(), to: delivery.to };
    writeLedger(stateFile, ledger);
    outcome.sent.push(delivery);
  }
  report(outcome, { log, summaryFile: env.GITHUB_STEP_SUMMARY });
  return outcome;
}

const LABEL: Record<Channel, string> = { email: 'e-mail', slack: 'Slack', teams: 'Teams' };

function report(outcome: Outcome, { log, summaryFile }: { log: (line: string) => void; summaryFile?: string }): void {
  const rows = [
    ...outcome.sent.map((d) => ({ d, status: 'sent', detail: '' })),
    ...outcome.skipped.map(({ delivery, why }) => ({ d: delivery, status: 'not sent', detail: why })),
    ...outcome.failed.map(({ delivery, error }) => ({ d: delivery, status: 'FAILED', detail: error })),
  ];
  for (const { d, status, detail } of rows) log(`${status.padEnd(8)} ${LABEL[d.channel]} · ${d.digest.team} · ${d.digest.week} → ${d.to}${detail ? ` (${detail})` : ''}`);
  log(`${outcome.sent.length} sent, ${outcome.skipped.length} not needed, ${outcome.failed.length} failed`);
  if (summaryFile) {
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const table = [
      '| channel | team | week | to | result |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map(
        ({ d, status, detail }) => `| ${LABEL[d.channel]} | ${d.digest.team} | ${d.digest.week} | ${cell(d.to)} | ${cell(detail ? `${status}: ${detail}` : status)} |`,
      ),
    ];
    appendFileSync(summaryFile, `### Weekly digest\n\n${table.join('\n')}\n\n`);
  }
}

/** The exit code and the closing message of a run. */
export function finish(outcome: Outcome, what: string): number {
  if (!outcome.failed.length) return 0;
  const failures = outcome.failed.map(({ delivery, error }) => `${LABEL[delivery.channel]} for ${delivery.digest.team}: ${error}`).join('\n  ');
  const done = outcome.sent.length
    ? `; delivered: ${outcome.sent.map((d) => `${LABEL[d.channel]} for ${d.digest.team}`).join(', ')} (recorded, a re-run sends only what is missing)`
    : '';
  console.error(`${what} failed:\n  ${failures}${done}`);
  return 1;
}
