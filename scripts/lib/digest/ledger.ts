/**
 * The record of what was sent (HUB_DIGEST_STATE, default .cache/digest-sent.json): one key per
 * (team, ISO week, channel), so a re-run, a retried workflow or a second schedule sends each digest
 * once. It is written after every delivery that succeeded, so a run that fails half-way keeps what it
 * did and the next run sends only what is missing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.ts';

export type Channel = 'email' | 'slack' | 'teams';

export interface LedgerEntry {
  team: string;
  week: string;
  channel: Channel;
  /** When it was delivered (ISO). */
  at: string;
  /** Where, without secrets: "3 recipients", "webhook hooks.slack.com". */
  to: string;
}

export interface Ledger {
  version: 1;
  sent: Record<string, LedgerEntry>;
}

export const DEFAULT_STATE = '.cache/digest-sent.json';

export function deliveryKey(team: string, week: string, channel: Channel): string {
  return `${team}/${week}/${channel}`;
}

export function readLedger(file: string): Ledger {
  if (!existsSync(file)) return { version: 1, sent: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // Never start afresh over a broken record: that would send every digest of the week again.
    throw new ConfigError(`HUB_DIGEST_STATE: ${file} is not valid JSON (${(error as Error).message}); fix or remove it (removing it sends this week's digests again)`);
  }
  const ledger = data as Ledger;
  if (ledger?.version !== 1 || typeof ledger.sent !== 'object' || ledger.sent === null) {
    throw new ConfigError(`HUB_DIGEST_STATE: ${file} is not a record of sent digests (expected {"version": 1, "sent": {…}})`);
  }
  return ledger;
}

export function writeLedger(file: string, ledger: Ledger): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(ledger, null, 2)}\n`);
  renameSync(temporary, file);
}
