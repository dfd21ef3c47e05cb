/**
 * npm run digest:send — e-mails this week's digests, built by `npm run build` into dist/, through SMTP
 * (docs/digest.md). Builds nothing itself: run it after the build, with the same HUB_CONTENT_DIR and
 * HUB_NOW.
 *
 *   HUB_SMTP_URL        smtp://user:pass@host:587 (nodemailer's URL form; smtps:// for TLS from the start)
 *   HUB_DIGEST_FROM     the sender, e.g. "Tidewater Voices <voices@tidewater.example>"
 *   HUB_DIGEST_TO_<TEAM>  recipients per team, comma-separated (HUB_DIGEST_TO_ALL: the digest for everyone)
 *   HUB_DIGEST_STATE    the record of what was sent (default .cache/digest-sent.json)
 *   HUB_DIGEST_CONFIG   a file of NAME=value lines with any of these, outside content/
 *
 *   node scripts/digest-send.ts [dist]
 */
import nodemailer from 'nodemailer';
import { contentRoot } from '../src/content/tree.ts';
import { digestEmail } from '../src/lib/digest/email.ts';
import { ConfigError, digestEnv, recipients, requireAll, teamVariable } from './lib/digest/config.ts';
import { type Delivery, deliver, finish, readDigests } from './lib/digest/deliver.ts';

try {
  const env = digestEnv(process.env, { cwd: process.cwd(), contentRoot: contentRoot(process.env.HUB_CONTENT_DIR) });
  const digests = readDigests(process.argv[2] ?? 'dist');
  const missing = ['HUB_SMTP_URL', 'HUB_DIGEST_FROM', ...digests.map((d) => teamVariable('HUB_DIGEST_TO_', d.team))].filter((name) => !env[name]?.trim());
  requireAll(missing, 'e-mailing the digests');
  const transport = nodemailer.createTransport(env.HUB_SMTP_URL!);
  const from = env.HUB_DIGEST_FROM!;
  const sender = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const deliveries: Delivery[] = digests.map((digest) => {
    const variable = teamVariable('HUB_DIGEST_TO_', digest.team);
    const to = recipients(env[variable]!, variable);
    return {
      digest,
      channel: 'email',
      to: `${to.length} recipient${to.length === 1 ? '' : 's'} (${variable})`,
      async send() {
        const email = await digestEmail(digest);
        // The team's addresses go in the envelope only: a list is not shown to everyone on it, and the
        // To: header names the sender, who gets no copy.
        await transport.sendMail({
          from,
          to: from,
          envelope: { from: sender, to },
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      },
    };
  });
  const outcome = await deliver(deliveries, { env });
  transport.close();
  process.exitCode = finish(outcome, 'digest:send');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
