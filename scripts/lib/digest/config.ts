/**
 * Where the digest senders get their settings: environment variables, or a file of `NAME=value`
 * lines named by HUB_DIGEST_CONFIG (never inside the content folder, which is published and often
 * edited in a CMS). A variable set in the environment wins over the file. Nothing here has a default
 * that could send to the wrong place: a missing variable is reported by name and nothing is sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

/** `HUB_DIGEST_TO_` + "customer-care" → HUB_DIGEST_TO_CUSTOMER_CARE ("all" → …_ALL, the digest for everyone). */
export function teamVariable(prefix: string, team: string): string {
  return `${prefix}${team.toUpperCase().replace(/-/g, '_')}`;
}

/** The environment with HUB_DIGEST_CONFIG's file under it. */
export function digestEnv(env: Env, options: { cwd: string; contentRoot: string }): Env {
  const file = env.HUB_DIGEST_CONFIG?.trim();
  if (!file) return env;
  const absolute = path.resolve(options.cwd, file);
  const content = path.resolve(options.contentRoot);
  if (absolute === content || absolute.startsWith(content + path.sep)) {
    throw new ConfigError(
      `HUB_DIGEST_CONFIG is "${file}", inside the content folder ${path.relative(options.cwd, content) || '.'}; keep addresses and secrets in a file outside it (it is published and edited in the CMS), e.g. .digest.env`,
    );
  }
  if (!existsSync(absolute)) throw new ConfigError(`HUB_DIGEST_CONFIG is "${file}", but ${absolute} does not exist`);
  let fromFile: Env;
  try {
    fromFile = parseEnv(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new ConfigError(`HUB_DIGEST_CONFIG: ${absolute} is not a file of NAME=value lines (${(error as Error).message})`);
  }
  return { ...fromFile, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')) };
}

/** A comma-separated list of e-mail addresses, each checked enough to catch a typo that would bounce. */
export function recipients(value: string, variable: string): string[] {
  const list = value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const bad = list.filter((address) => !/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(address));
  if (bad.length)
    throw new ConfigError(
      `${variable} holds ${bad.map((b) => `"${b}"`).join(', ')}, which ${bad.length === 1 ? 'is not an e-mail address' : 'are not e-mail addresses'}; write addresses separated by commas, e.g. ana@example.com,bo@example.com`,
    );
  if (!list.length) throw new ConfigError(`${variable} is empty; write the addresses separated by commas`);
  return list;
}

/** An http(s) webhook URL (any host, so tests can point one at loopback). */
export function webhookUrl(value: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`${variable} is not a URL; paste the webhook's address as Slack or Teams shows it (https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${variable} is a ${url.protocol} address; a webhook is an https:// (or http://) URL`);
  return url;
}

/** Missing variables, all of them at once, so one run tells everything to fix. */
export function requireAll(missing: string[], what: string): void {
  if (missing.length) throw new ConfigError(`Nothing was sent: ${what} ${missing.length === 1 ? 'needs' : 'need'} ${missing.join(', ')} (docs/digest.md)`);
}
