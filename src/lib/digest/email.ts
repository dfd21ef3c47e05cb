/**
 * A digest as an e-mail: responsive HTML made with MJML, and a plain-text part with the same links.
 * No image but the hub's own share cards, no tracking pixel, no web font: the system's fonts. Colours
 * are set on every block (text on its own background), with a dark scheme for clients that honour
 * prefers-color-scheme, so a client that darkens a message never puts dark text on a dark ground.
 */
import mjml2html from 'mjml';
import { escapeHtml } from '../escape.ts';
import { textDirection } from '../direction.ts';
import type { Digest, DigestItem } from './types.ts';

export interface DigestEmail {
  subject: string;
  html: string;
  text: string;
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = '#1f2328';
const MUTED = '#4b535c';
const PAPER = '#ffffff';
const PAGE = '#f3f4f6';
/** The dark scheme: light text on near-black, the brand colour kept for headings' rule and buttons. */
const DARK = { page: '#0d1117', paper: '#161b22', ink: '#e6edf3', muted: '#b1bac4', link: '#9ecbff' };

const esc = escapeHtml;
/** An attribute value for MJML: escaped like text, quotes included. */
const attr = escapeHtml;

function itemBlock(item: DigestItem, brand: { primary: string }): string {
  const picture =
    item.card && item.kind === 'snippet'
      ? `<mj-image src="${attr(item.card)}" href="${attr(item.url)}" alt="${attr(item.title)}" width="520px" padding="0 0 12px" border-radius="6px" />`
      : '';
  const when = item.when ? ` · ${esc(item.when)}` : '';
  // The entry's own words take the direction of their text (English in an Arabic hub); the labels and buttons the hub's.
  const body = `<div dir="auto">${esc(item.text)}</div>${item.note ? `<div dir="auto"><span class="dm-muted" style="color:${MUTED}">${esc(item.note)}</span></div>` : ''}`;
  return `
    <mj-section css-class="dm-paper" background-color="${PAPER}" padding="16px 24px 20px" border-top="1px solid #d0d7de">
      <mj-column>
        ${picture}
        <mj-text css-class="dm-muted" color="${MUTED}" font-size="12px" font-weight="700" text-transform="uppercase" letter-spacing="0.04em" padding="0 0 4px">${esc(item.label)}${when}</mj-text>
        <mj-text css-class="dm-ink" color="${INK}" font-size="18px" font-weight="700" line-height="1.3" padding="0 0 6px"><a class="dm-link" href="${attr(item.url)}" style="color:${INK};text-decoration:underline" dir="auto">${esc(item.title)}</a></mj-text>
        <mj-text css-class="dm-ink" color="${INK}" font-size="16px" line-height="1.5" padding="0 0 12px">${body}</mj-text>
        <mj-button href="${attr(item.url)}" background-color="${brand.primary}" color="#ffffff" font-size="16px" font-weight="700" border-radius="6px" inner-padding="12px 20px" padding="0">${esc(item.action)}</mj-button>
      </mj-column>
    </mj-section>`;
}

export function digestMjml(digest: Digest): string {
  const { brand } = digest.hub;
  // The message in the hub's language and direction: text and buttons start on the right in Arabic.
  const dir = textDirection(digest.hub.lang);
  const start = dir === 'rtl' ? 'right' : 'left';
  const sections = digest.sections
    .map(
      (section) => `
    <mj-section css-class="dm-paper" background-color="${PAPER}" padding="24px 24px 4px">
      <mj-column>
        <mj-text css-class="dm-ink" color="${INK}" font-size="20px" font-weight="700" padding="0 0 8px" container-background-color="${PAPER}"><h2 style="margin:0;font-size:20px;border-bottom:3px solid ${brand.accent};padding-bottom:6px">${esc(section.title)}</h2></mj-text>
      </mj-column>
    </mj-section>${section.items.map((item) => itemBlock(item, brand)).join('')}`,
    )
    .join('');
  return `<mjml lang="${attr(digest.hub.lang)}" dir="${dir}">
  <mj-head>
    <mj-title>${esc(digest.subject)}</mj-title>
    <mj-preview>${esc(digest.intro)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-section direction="${dir}" />
      <mj-column direction="${dir}" />
      <mj-text align="${start}" />
      <mj-button align="${start}" />
    </mj-attributes>
    <mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
    <mj-style>
      :root { color-scheme: light dark; supported-color-schemes: light dark; }
      @media (prefers-color-scheme: dark) {
        .dm-page, .dm-page > div, body { background-color: ${DARK.page} !important; }
        .dm-paper, .dm-paper > table, .dm-paper td { background-color: ${DARK.paper} !important; }
        .dm-ink, .dm-ink div, .dm-ink h2, .dm-ink a { color: ${DARK.ink} !important; }
        .dm-muted, .dm-muted div, .dm-muted span, .dm-muted a { color: ${DARK.muted} !important; }
      }
    </mj-style>
  </mj-head>
  <mj-body css-class="dm-page" background-color="${PAGE}" width="600px">
    <mj-section background-color="${brand.primary}" padding="20px 24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="14px" font-weight="700" padding="0 0 4px">${esc(digest.hub.name)}</mj-text>
        <mj-text color="#ffffff" font-size="24px" font-weight="700" line-height="1.25" padding="0"><h1 style="margin:0;font-size:24px">${esc(digest.subject)}</h1></mj-text>
      </mj-column>
    </mj-section>
    <mj-section css-class="dm-paper" background-color="${PAPER}" padding="20px 24px 0">
      <mj-column>
        <mj-text css-class="dm-ink" color="${INK}" font-size="16px" line-height="1.5" padding="0">${esc(digest.intro)}</mj-text>
      </mj-column>
    </mj-section>${sections}
    <mj-section css-class="dm-paper" background-color="${PAPER}" padding="20px 24px 28px" border-top="1px solid #d0d7de">
      <mj-column>
        <mj-text css-class="dm-muted" color="${MUTED}" font-size="14px" line-height="1.5" padding="0 0 8px"><a href="${attr(digest.page)}" style="color:${MUTED};text-decoration:underline">${esc(digest.openOnHub)}</a></mj-text>
        <mj-text css-class="dm-muted" color="${MUTED}" font-size="13px" line-height="1.5" padding="0">${esc(digest.footer)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** The plain-text part: every item with its link written out, readable in any client and by screen readers. */
export function digestText(digest: Digest): string {
  const lines = [digest.subject, '', digest.intro, ''];
  for (const section of digest.sections) {
    lines.push(section.title.toUpperCase(), '');
    for (const item of section.items) {
      lines.push(`* ${item.title}`, `  ${[item.label, item.when].filter(Boolean).join(' · ')}`);
      lines.push(`  ${item.note ? `${item.text} — ${item.note}` : item.text}`);
      lines.push(`  ${item.action}: ${item.url}`, '');
    }
  }
  lines.push('--', `${digest.openOnHub}: ${digest.page}`, digest.footer, '');
  return lines.join('\n');
}

export async function digestEmail(digest: Digest): Promise<DigestEmail> {
  const { html, errors } = await mjml2html(digestMjml(digest), { validationLevel: 'strict', minify: false, fonts: {} });
  if (errors?.length) throw new Error(`The digest e-mail of ${digest.team} is not valid MJML: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return { subject: digest.subject, html, text: digestText(digest) };
}
