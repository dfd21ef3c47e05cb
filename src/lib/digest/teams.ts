/**
 * A digest as a Microsoft Teams message for a Workflows webhook ("Post to a channel when a webhook
 * request is received"): one Adaptive Card (version 1.5, what Teams renders) in a message
 * attachment, within the about 28 KB a Teams message may weigh; what does not fit is left for the
 * digest's page, which the card links to. Text blocks hold plain text: only the card's own actions
 * and containers link.
 */
import type { Digest, DigestItem } from './types.ts';

export const TEAMS_MAX_BYTES = 28 * 1024;
export const ADAPTIVE_CARD_VERSION = '1.5';

type CardElement = Record<string, unknown>;

export interface TeamsMessage {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: CardElement }[];
}

const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

function itemContainer(item: DigestItem): CardElement {
  const body = item.note ? `${item.text} — ${item.note}` : item.text;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    selectAction: { type: 'Action.OpenUrl', url: item.url, title: item.action },
    items: [
      text([item.label, item.when].filter(Boolean).join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' }),
      text(item.title, { weight: 'Bolder', size: 'Medium', spacing: 'Small' }),
      text(body, { spacing: 'Small' }),
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: item.action, url: item.url }] },
    ],
  };
}

function message(digest: Digest, limit: number): TeamsMessage {
  const total = digest.sections.reduce((sum, s) => sum + s.items.length, 0);
  const body: CardElement[] = [text(digest.subject, { size: 'Large', weight: 'Bolder', style: 'heading' }), text(digest.intro)];
  let shown = 0;
  for (const section of digest.sections) {
    const items = section.items.slice(0, Math.max(0, limit - shown));
    if (!items.length) break;
    body.push(text(section.title, { size: 'Medium', weight: 'Bolder', style: 'heading', separator: true, spacing: 'Large' }), ...items.map(itemContainer));
    shown += items.length;
  }
  if (shown < total) body.push(text(`+${total - shown}`, { isSubtle: true }));
  body.push(text(digest.footer, { isSubtle: true, size: 'Small', separator: true }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          msteams: { width: 'Full' },
          body,
          actions: [{ type: 'Action.OpenUrl', title: digest.openOnHub, url: digest.page }],
        },
      },
    ],
  };
}

export function teamsMessage(digest: Digest, maxBytes = TEAMS_MAX_BYTES): TeamsMessage {
  // As many items as fit, the rest left for the page.
  for (let limit = digest.sections.reduce((sum, s) => sum + s.items.length, 0); limit >= 0; limit--) {
    const candidate = message(digest, limit);
    if (new TextEncoder().encode(JSON.stringify(candidate)).length <= maxBytes) return candidate;
  }
  throw new Error(`The digest of ${digest.team} does not fit a Teams message even without items (${maxBytes} bytes)`);
}
