/**
 * The share panel island (markup: SharePanel.astro; the plain links it
 * hides once ready: ShareLinks.astro). It keeps every network button's URL
 * in step with the text as the advocate edits it, counts the post by each
 * network's rules and disables a network where it is too long. LinkedIn and Facebook take no text: the text is copied first and
 * a hint says so before their composer opens. All logic lives in src/lib/share.
 * X and Mastodon are counted from the advocate's text plus what the build
 * counted for the rest (live-length.ts); twitter-text's patterns are fetched
 * only when the text may hold a URL or an emoji, and until they arrive the
 * count says so and its button stays disabled.
 */
import { normalizeCode, normalizeHost } from '../model/ids.ts';
import { type ShareTarget, compose } from '../lib/share/compose.ts';
import { type DraftPost, type ShareSettings, type Shareable, draftPost, networksOfVariant } from '../lib/share/draft.ts';
import { type Precounted, liveLength, ownBlocks } from '../lib/share/live-length.ts';
import type { NetworkId } from '../model/networks.ts';
import { tagLink } from '../lib/share/utm.ts';
import { defaultVariant, parseDeepLink } from '../lib/share/variant.ts';
import { readPrefs, writePrefs } from '../client/advocate-store.ts';
import { lazyPatterns } from '../client/x-patterns.ts';

interface Config {
  item: Shareable;
  settings: ShareSettings;
  /** What the build counted for X and Mastodon: the rest of the post, and each wording. */
  counted: Precounted;
  labels: Record<string, string>;
  strings: Record<
    'count' | 'tooLong' | 'counting' | 'countFailed' | 'notForVariant' | 'copied' | 'copyFailed' | 'copiedPlain' | 'copyFailedPlain' | 'codeInvalid' | 'mastodonInvalid',
    string
  >;
}

interface PanelPost extends DraftPost {
  /** Undefined while the patterns the count needs are loading. */
  length: number | undefined;
  /** Only true on an exact count within the limit. */
  fits: boolean;
}

/** How long the "copied: paste it" hint shows before LinkedIn or Facebook opens. */
const HINT_DELAY_MS = 700;

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (key in vars ? String(vars[key]) : match));

export function initSharePanels(): void {
  document.querySelectorAll<HTMLElement>('[data-share]').forEach((root) => {
    if (root.dataset.shareReady) return;
    root.dataset.shareReady = 'true';
    initPanel(root);
  });
}

function initPanel(root: HTMLElement): void {
  const config = JSON.parse(root.querySelector('[data-share-config]')!.textContent!) as Config;
  const { item, strings } = config;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const panel = $<HTMLElement>('[data-share-panel]')!;
  const textarea = $<HTMLTextAreaElement>('[data-text]')!;
  const firstLine = $<HTMLInputElement>('[data-first-line]')!;
  const codeInput = $<HTMLInputElement>('[data-code]')!;
  const codeHelp = $<HTMLElement>('[data-code-help]')!;
  const mastodonInput = $<HTMLInputElement>('[data-mastodon]');
  const mastodonHelp = $<HTMLElement>('[data-mastodon-help]');
  const status = $<HTMLElement>('[data-status]')!;
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const buttons = new Map(item.networks.map((n) => [n, $<HTMLButtonElement>(`[data-network="${n}"]`)!]));
  const counts = new Map(item.networks.map((n) => [n, $<HTMLElement>(`[data-count="${n}"]`)!]));
  const help = { code: codeHelp.textContent ?? '', mastodon: mastodonHelp?.textContent ?? '' };

  // A deep link's ?ref=<code> is remembered, as on every page that takes one.
  const ref = normalizeCode(new URLSearchParams(location.search).get('ref'));
  const prefs = ref ? writePrefs({ code: ref }) : readPrefs();
  const deepLink = parseDeepLink(location.search, item.variants.length, item.networks);
  let code = prefs.code;
  let mastodon = prefs.mastodon ?? config.settings.mastodon;
  let variant = deepLink.variant ?? defaultVariant(item.variants, { id: item.id, code, network: deepLink.network });

  codeInput.value = code ?? '';
  if (mastodonInput) mastodonInput.value = prefs.mastodon ?? '';

  // The first line and the text, trimmed; a lone surrogate (pasted from a broken source) becomes U+FFFD.
  const blocks = () => ownBlocks(firstLine.value, textarea.value);
  const text = () => blocks().join('\n\n');
  const patterns = lazyPatterns(() => update());
  // `own` (the trimmed blocks) is taken once per update and shared by every network's post.
  const draft = (network: NetworkId, own = blocks()): DraftPost => draftPost(network, own.join('\n\n'), item, { ...config.settings, mastodon }, code);
  const post = (network: NetworkId, own = blocks()): PanelPost => {
    const current = draft(network, own);
    const length = liveLength(current, own, code, item, config.counted, patterns);
    return { ...current, length, fits: length !== undefined && length <= current.limit };
  };
  const composed = (target: ShareTarget) =>
    compose(target, {
      text: text(),
      hashtags: item.hashtags,
      disclosure: config.settings.disclosure,
      link: tagLink(item.link, { source: target, medium: config.settings.medium, campaign: item.campaign ?? item.id, content: code }),
    }).text;

  function update(): void {
    const offered = networksOfVariant(item, variant);
    const own = blocks();
    for (const network of item.networks) {
      const button = buttons.get(network)!;
      const count = counts.get(network)!;
      const isOffered = offered.includes(network);
      // A network the wording is not for is not counted, so it never fetches patterns.
      const current = isOffered ? post(network, own) : { ...draft(network, own), length: undefined, fits: false };
      const { length, limit } = current;
      const pending = isOffered && length === undefined;
      button.disabled = !current.fits || own.length === 0;
      button.dataset.url = current.url;
      count.toggleAttribute('data-pending', pending);
      count.classList.toggle('over', length !== undefined && !current.fits);
      count.textContent = !isOffered
        ? strings.notForVariant
        : length === undefined
          ? patterns.failed()
            ? strings.countFailed
            : strings.counting
          : fill(current.fits ? strings.count : strings.tooLong, { length, limit, over: length - limit });
    }
  }

  function selectVariant(index: number): void {
    variant = index;
    radios[index]!.checked = true;
    textarea.value = item.variants[index]!.text;
    update();
  }

  function say(message: string): void {
    status.textContent = message;
  }

  async function copy(value: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      return false;
    }
  }

  function open(url: string): void {
    if (url.startsWith('mailto:')) location.href = url;
    else window.open(url, '_blank', 'noopener,noreferrer');
  }

  radios.forEach((radio, index) => radio.addEventListener('change', () => radio.checked && selectVariant(index)));
  textarea.addEventListener('input', update);
  firstLine.addEventListener('input', update);

  codeInput.addEventListener('input', () => {
    const typed = codeInput.value.trim();
    const valid = normalizeCode(typed);
    const invalid = typed !== '' && !valid;
    code = valid;
    codeInput.setAttribute('aria-invalid', String(invalid));
    codeHelp.textContent = invalid ? strings.codeInvalid : help.code;
    update();
  });
  codeInput.addEventListener('change', () => {
    if (codeInput.value.trim() === '' || code) writePrefs({ code });
  });

  mastodonInput?.addEventListener('input', () => {
    const typed = mastodonInput.value.trim();
    const host = normalizeHost(typed);
    const invalid = typed !== '' && !host;
    mastodon = host ?? config.settings.mastodon;
    mastodonInput.setAttribute('aria-invalid', String(invalid));
    mastodonHelp!.textContent = invalid ? fill(strings.mastodonInvalid, { instance: mastodon }) : help.mastodon;
    update();
  });
  mastodonInput?.addEventListener('change', () => {
    const host = normalizeHost(mastodonInput.value);
    if (mastodonInput.value.trim() === '' || host) writePrefs({ mastodon: host });
  });

  for (const [network, button] of buttons) {
    button.addEventListener('click', async () => {
      const current = post(network);
      if (!current.fits) return;
      if (current.clipboard) {
        const label = config.labels[network] ?? network;
        say(fill((await copy(current.text)) ? strings.copied : strings.copyFailed, { network: label }));
        setTimeout(() => open(current.url), HINT_DELAY_MS);
      } else {
        say('');
        open(current.url);
      }
    });
  }

  $<HTMLButtonElement>('[data-copy]')!.addEventListener('click', async () => {
    say((await copy(composed('copy'))) ? strings.copiedPlain : strings.copyFailedPlain);
  });
  const webShare = $<HTMLButtonElement>('[data-web-share]')!;
  if (typeof navigator.share === 'function') {
    webShare.hidden = false;
    webShare.addEventListener('click', () => {
      navigator.share({ text: composed('web-share') }).catch(() => {
        /* dismissed by the advocate */
      });
    });
  }

  if (deepLink.network) {
    const preferred = $<HTMLElement>(`[data-network-item="${deepLink.network}"]`)!;
    preferred.parentElement!.prepend(preferred);
    preferred.querySelector<HTMLElement>('[data-suggested]')!.hidden = false;
  }

  selectVariant(variant);
  panel.hidden = false;
  $<HTMLElement>('[data-share-fallback]')!.hidden = true;
}
