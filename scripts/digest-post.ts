/**
 * npm run digest:post — posts this week's digests, built by `npm run build` into dist/, to Slack
 * (an incoming webhook, Block Kit) and Microsoft Teams (a Workflows webhook, an Adaptive Card), one
 * webhook per team (docs/digest.md). Builds nothing itself: run it after the build, with the same
 * HUB_CONTENT_DIR and HUB_NOW.
 *
 *   HUB_SLACK_WEBHOOK_<TEAM>  a Slack incoming webhook URL (HUB_SLACK_WEBHOOK_ALL: the digest for everyone)
 *   HUB_TEAMS_WEBHOOK_<TEAM>  a Teams Workflows webhook URL
 *   HUB_DIGEST_STATE          the record of what was sent (default .cache/digest-sent.json)
 *   HUB_DIGEST_CONFIG         a file of NAME=value lines with any of these, outside content/
 *
 * Every team needs at least one of its two webhooks; a team with both gets both.
 *
 *   node scripts/digest-post.ts [dist]
 */
import { contentRoot } from '../src/content/tree.ts';
import { slackMessage } from '../src/lib/digest/slack.ts';
import { teamsMessage } from '../src/lib/digest/teams.ts';
import { ConfigError, digestEnv, requireAll, teamVariable, webhookUrl } from './lib/digest/config.ts';
import { type Delivery, deliver, finish, readDigests } from './lib/digest/deliver.ts';

/** POSTs JSON; anything but a 2xx answer is an error naming the status and the start of the answer. */
async function post(url: URL, payload: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = (await response.text()).trim();
  if (!response.ok) throw new Error(`HTTP ${response.status}${answer ? `: ${answer.slice(0, 300)}` : ''}`);
}

try {
  const env = digestEnv(process.env, { cwd: process.cwd(), contentRoot: contentRoot(process.env.HUB_CONTENT_DIR) });
  const digests = readDigests(process.argv[2] ?? 'dist');
  const slack = (team: string) => teamVariable('HUB_SLACK_WEBHOOK_', team);
  const teams = (team: string) => teamVariable('HUB_TEAMS_WEBHOOK_', team);
  const missing = digests.filter((d) => !env[slack(d.team)]?.trim() && !env[teams(d.team)]?.trim()).map((d) => `${slack(d.team)} or ${teams(d.team)}`);
  requireAll(missing, 'posting the digests');
  const deliveries: Delivery[] = digests.flatMap((digest) => {
    const out: Delivery[] = [];
    const slackUrl = env[slack(digest.team)]?.trim();
    if (slackUrl) {
      const url = webhookUrl(slackUrl, slack(digest.team));
      out.push({ digest, channel: 'slack', to: `webhook on ${url.host} (${slack(digest.team)})`, send: () => post(url, slackMessage(digest)) });
    }
    const teamsUrl = env[teams(digest.team)]?.trim();
    if (teamsUrl) {
      const url = webhookUrl(teamsUrl, teams(digest.team));
      out.push({ digest, channel: 'teams', to: `webhook on ${url.host} (${teams(digest.team)})`, send: () => post(url, teamsMessage(digest)) });
    }
    return out;
  });
  process.exitCode = finish(await deliver(deliveries, { env }), 'digest:post');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
