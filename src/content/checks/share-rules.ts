/**
 * Build checks for sharing, run by `checkContent`:
 * - a variant whose composed post (text, hashtags, disclosure, tagged link)
 *   is over the limit of a network it is offered on is an error. The link is
 *   tagged with the longest advocate code the hub accepts (CODE_MAX_LENGTH), so
 *   no advocate can find the post too long at the network;
 * - a banned phrase (settings.banned) in the title, a variant or a hashtag
 *   is an error, however it is spelled: the one matcher of
 *   src/lib/banned-phrases.ts folds case, Unicode forms, white space and
 *   invisible characters before it compares.
 * Expired snippets are left alone: they are never built.
 * (A snippet with a single variant is warned about in checks/references.ts.)
 */
import type { Settings } from '../../model/schemas/settings.ts';
import { unpublishedReason } from '../../lib/publish.ts';
import { CODE_MAX_LENGTH, LONGEST_CODE } from '../../model/ids.ts';
import { type NetworkId, network, offeredNetworks } from '../../model/networks.ts';
import { type Shareable, networksOfVariant } from '../../lib/share/draft.ts';
import { sharePost } from '../../lib/share/posts.ts';
import { fieldPath, type Problem } from '../../lib/problems.ts';
import { quote, showInvisible } from '../../model/words.ts';
import { type BannedMatch, bannedPhraseMatcher } from '../../lib/banned-phrases.ts';
import type { CheckedEntry } from '../entry.ts';

interface SnippetData {
  title: string;
  link: string;
  campaign?: string;
  networks?: NetworkId[];
  hashtags: string[];
  variants: { text: string; networks?: NetworkId[] }[];
}

export function checkShareRules(entries: readonly CheckedEntry[], settings: Settings, now: Date): Problem[] {
  const problems: Problem[] = [];
  const shareSettings = { disclosure: settings.disclosure, medium: settings.utm.medium, mastodon: settings.mastodon.instance };
  const banned = bannedPhraseMatcher(settings.banned);

  for (const entry of entries) {
    if (entry.collection !== 'snippets' || unpublishedReason(entry.data, now) === 'expired') continue;
    const data = entry.data as unknown as SnippetData;
    const report = (at: PropertyKey[], message: string) =>
      problems.push({ severity: 'error', file: entry.file, line: entry.lineOf(at), field: fieldPath(at), message });

    const item: Shareable = {
      id: entry.id,
      link: data.link,
      campaign: data.campaign,
      hashtags: data.hashtags,
      variants: data.variants,
      networks: offeredNetworks(settings.networks, data.networks),
    };
    data.variants.forEach((variant, index) => {
      for (const id of networksOfVariant(item, index)) {
        const post = sharePost(id, variant.text, item, shareSettings, LONGEST_CODE);
        if (post.fits) continue;
        const { label, countingRule } = network(id);
        report(
          ['variants', index, 'text'],
          `(variant ${index + 1}) is too long for ${label}: the post counts ${post.length} where ${label} allows ${post.limit} (${countingRule}; ` +
            `the post is the text, the hashtags, the disclosure and the link tagged with the longest advocate code, ${CODE_MAX_LENGTH} characters). ` +
            `Shorten it by ${post.length - post.limit}, or list the networks it fits under "networks:" of this variant`,
        );
      }
    });

    const reportBanned = (at: PropertyKey[], prefix: string, text: string) => {
      for (const match of banned.find(text)) {
        // The line of the phrase itself, found again in the value as the file writes it (a block over several lines).
        const line = entry.lineWithin(at, (written) => banned.find(written).find((m) => m.phrase === match.phrase)?.index);
        problems.push({ severity: 'error', file: entry.file, line, field: fieldPath(at), message: `${prefix}contains ${bannedWords(match)}` });
      }
    };
    reportBanned(['title'], '', data.title);
    data.variants.forEach((variant, index) => reportBanned(['variants', index, 'text'], `(variant ${index + 1}) `, variant.text));
    data.hashtags.forEach((tag, index) => {
      const phrase = banned.spelledBy(tag);
      if (phrase) report(['hashtags', index], `is ${quote(tag)}, which spells the banned phrase ${quote(phrase)} (settings.yaml → banned); reword it`);
    });
  }
  return problems;
}

/** The phrase, and how the entry writes it when that differs (other case, spaces, invisible characters). */
function bannedWords({ phrase, written }: BannedMatch): string {
  // Not quote(): its 60 characters would cut the named invisible characters short.
  const shown = showInvisible(written);
  const as = written === phrase ? '' : `, written ${JSON.stringify(shown.length > 200 ? `${shown.slice(0, 200)}…` : shown)}`;
  return `the banned phrase ${quote(phrase)} (settings.yaml → banned)${as}; reword it`;
}
