/**
 * A digest as a Slack message for an incoming webhook: Block Kit within Slack's limits (at most 50
 * blocks, a section's text at most 3,000 characters, a header's 150, a button's 75) and a plain
 * `text` fallback for notifications and clients without blocks. What does not fit is left for the
 * digest's page, which the message links to.
 */
import type { KnownBlock } from '@slack/types';
import type { Digest, DigestItem } from './types.ts';

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, buttonText: 75 } as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's mrkdwn reads &, < and > as markup: they are escaped, as Slack asks. */
export function slackEscape(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** At most `max` characters (code points), cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function itemBlock(item: DigestItem): KnownBlock {
  const meta = [item.label, item.when].filter(Boolean).join(' · ');
  const body = item.note ? `${item.text} — ${item.note}` : item.text;
  const head = `*<${item.url}|${slackEscape(item.title).replace(/\|/g, '∣')}>*\n_${slackEscape(meta)}_\n`;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: head + clip(slackEscape(body), SLACK_LIMITS.sectionText - [...head].length) },
    accessory: { type: 'button', text: { type: 'plain_text', text: clip(item.action, SLACK_LIMITS.buttonText), emoji: true }, url: item.url },
  };
}

export function slackMessage(digest: Digest): SlackMessage {
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(digest.subject, SLACK_LIMITS.headerText), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(slackEscape(digest.intro), SLACK_LIMITS.sectionText) } },
  ];
  const foot: KnownBlock[] = [
    { type: 'divider' },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`<${digest.page}|${slackEscape(digest.openOnHub)}> · ${slackEscape(digest.footer)}`, SLACK_LIMITS.sectionText) }],
    },
  ];
  const body: KnownBlock[] = [];
  // Room for the head, the foot and a line saying how many items are on the page only.
  const room = SLACK_LIMITS.blocks - head.length - foot.length - 1;
  const total = digest.sections.reduce((sum, s) => sum + s.items.length, 0);
  let shown = 0;
  for (const section of digest.sections) {
    if (body.length + 2 > room) break;
    body.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(clip(section.title, 200))}*` } });
    for (const item of section.items) {
      if (body.length + 1 > room) break;
      body.push(itemBlock(item));
      shown++;
    }
  }
  if (shown < total) body.push({ type: 'section', text: { type: 'mrkdwn', text: `<${digest.page}|${slackEscape(`${digest.openOnHub} (+${total - shown})`)}>` } });
  const text = `${digest.subject}\n${digest.sections.flatMap((s) => s.items.map((i) => `• ${i.title}: ${i.url}`)).join('\n')}\n${digest.page}`;
  return { text: clip(text, 3000), blocks: [...head, ...body, ...foot] };
}
