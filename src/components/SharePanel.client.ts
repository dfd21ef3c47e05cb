/**
 * The share panel island (markup: SharePanel.astro; the plain links it
 * hides once ready: ShareLinks.astro). It keeps every network button's URL
 * in step with the text as the advocate edits it, counts the post by each
 * network's rules and disables a network where it is too long. All logic
 * lives in src/lib/share; what it remembers, in src/client.
 *
 * - The advocate's text is a draft per wording, kept in the browser
 *   (share-store.ts): switching wordings or reloading never loses it, and
 *   "Back to the original wording" can be undone.
 * - A link's code (`?ref=`) never replaces theirs: the panel offers it.
 * - LinkedIn and Facebook take only the link: the post is copied first, and
 *   a hint says so before their composer opens; on the desktop web LinkedIn's
 *   composer takes the whole post (unless settings say link only). If the
 *   clipboard is blocked, the whole post waits selected in a box to copy.
 * - X and Mastodon are counted from the advocate's text plus what the build
 *   counted for the rest (live-length.ts); twitter-text's patterns are fetched
 *   only when the text may hold a URL or an emoji, and until they arrive the
 *   count says so and its button stays disabled.
 */
import { normalizeCode, normalizeHost } from '../model/ids.ts';
import { type ShareTarget, compose } from '../lib/share/compose.ts';
import { type DraftPost, type ShareSettings, type Shareable, draftPost, isPhoneBrowser, networksOfVariant } from '../lib/share/draft.ts';
import { type Precounted, lazyPatterns, liveLength, ownBlocks } from '../lib/share/live-length.ts';
import type { NetworkId } from '../model/networks.ts';
import { tagLink } from '../lib/share/utm.ts';
import { defaultVariant, parseDeepLink } from '../lib/share/variant.ts';
import { byUse } from '../lib/share/network-use.ts';
import { offeredLinkCode, readPrefs, settleLinkCode, writePrefs } from '../client/advocate-store.ts';
import { readDraft, readNetworkUse, readSharedItems, recordNetworkUse, recordShared, writeDraft } from '../client/share-store.ts';
import { sharedDay } from '../lib/share/shared-items.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

interface Config {
  item: Shareable;
  settings: ShareSettings;
  /** What the build counted for X and Mastodon: the rest of the post, and each wording. */
  counted: Precounted;
  labels: Record<string, string>;
}

interface PanelPost extends DraftPost {
  /** Undefined while the patterns the count needs are loading. */
  length: number | undefined;
  /** Only true on an exact count within the limit. */
  fits: boolean;
}

/** How long the "copied: paste it" hint shows before LinkedIn or Facebook opens. */
const HINT_DELAY_MS = 700;

export function initSharePanels(): void {
  document.querySelectorAll<HTMLElement>('[data-share]').forEach((root) => {
    if (root.dataset.shareReady) return;
    root.dataset.shareReady = 'true';
    initPanel(root);
  });
}

function initPanel(root: HTMLElement): void {
  const config = JSON.parse(root.querySelector('[data-share-config]')!.textContent!) as Config;
  const { item } = config;
  const s = stringsOf<IslandKey<'sharePanel'>>(root);
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const panel = $<HTMLElement>('[data-share-panel]')!;
  const textarea = $<HTMLTextAreaElement>('[data-text]')!;
  const firstLine = $<HTMLInputElement>('[data-first-line]')!;
  const codeInput = $<HTMLInputElement>('[data-code]')!;
  const codeHelp = $<HTMLElement>('[data-code-help]')!;
  const mastodonInput = $<HTMLInputElement>('[data-mastodon]');
  const mastodonHelp = $<HTMLElement>('[data-mastodon-help]');
  const fit = $<HTMLElement>('[data-text-fit]')!;
  const reset = $<HTMLButtonElement>('[data-reset]')!;
  const resetNote = $<HTMLElement>('[data-reset-note]')!;
  const copyActions = $<HTMLElement>('[data-copy-actions]')!;
  const actionsNote = $<HTMLElement>('[data-status]')!;
  const copyBox = $<HTMLElement>('[data-copy-box]')!;
  const copyBoxText = $<HTMLTextAreaElement>('[data-fallback-text]')!;
  const copyBoxOpen = $<HTMLAnchorElement>('[data-copy-box-open]')!;
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const editedMarks = [...root.querySelectorAll<HTMLElement>('[data-variant-edited]')];
  const tagBoxes = [...root.querySelectorAll<HTMLInputElement>('[data-hashtag]')];
  const items = new Map(item.networks.map((n) => [n, $<HTMLElement>(`[data-network-item="${n}"]`)!]));
  const buttons = new Map(item.networks.map((n) => [n, $<HTMLButtonElement>(`[data-network="${n}"]`)!]));
  const counts = new Map(item.networks.map((n) => [n, $<HTMLElement>(`[data-count="${n}"]`)!]));
  const help = { code: codeHelp.textContent ?? '', mastodon: mastodonHelp?.textContent ?? '' };
  const label = (network: NetworkId) => config.labels[network] ?? network;
  const phone = isPhoneBrowser(navigator.userAgent, navigator.maxTouchPoints);

  // A link's code is stored only when the advocate has none (takeLinkRef); a different one is offered here,
  // from this page's link or an earlier page's in this tab.
  const offered = offeredLinkCode();
  const prefs = readPrefs();
  const deepLink = parseDeepLink(location.search, item.variants.length, item.networks);
  const saved = readDraft(item.id);
  // The advocate's text per wording, where it differs from the wording.
  const texts = new Map(Object.entries(saved.texts).map(([index, text]) => [Number(index), text]));
  const dropped = new Set(saved.dropped);
  let code = prefs.code;
  let mastodon = prefs.mastodon ?? config.settings.mastodon;
  let undo: { variant: number; text: string } | undefined;
  const lastOffered =
    saved.last !== undefined && saved.last < item.variants.length && (!deepLink.network || networksOfVariant(item, saved.last).includes(deepLink.network));
  let variant =
    deepLink.variant ?? (lastOffered ? saved.last! : defaultVariant(item.variants, { id: item.id, code, network: deepLink.network, networks: item.networks }));

  codeInput.value = code ?? '';
  if (mastodonInput) mastodonInput.value = prefs.mastodon ?? '';
  firstLine.value = saved.first ?? '';
  for (const box of tagBoxes) box.checked = !dropped.has(box.dataset.hashtag!);

  // The item as the advocate shares it: without the hashtags they left out.
  const shared = (): Shareable => ({ ...item, hashtags: item.hashtags.filter((tag) => !dropped.has(tag)) });
  // The first line and the text, trimmed; a lone surrogate (pasted from a broken source) becomes U+FFFD.
  const blocks = () => ownBlocks(firstLine.value, textarea.value);
  const text = () => blocks().join('\n\n');
  const patterns = lazyPatterns(() => update());
  // `own` (the trimmed blocks) is taken once per update and shared by every network's post.
  const draft = (network: NetworkId, own = blocks(), as = shared()): DraftPost => draftPost(network, own.join('\n\n'), as, { ...config.settings, mastodon }, code);
  const post = (network: NetworkId, own = blocks(), as = shared()): PanelPost => {
    const current = draft(network, own, as);
    const length = liveLength(current, own, code, as, config.counted, patterns);
    return { ...current, length, fits: length !== undefined && length <= current.limit };
  };
  const composed = (target: ShareTarget) =>
    compose(target, {
      text: text(),
      hashtags: shared().hashtags,
      disclosure: config.settings.disclosure,
      link: tagLink(item.link, { source: target, medium: config.settings.medium, campaign: item.campaign ?? item.id, content: code }),
    }).text;

  function save(): void {
    writeDraft(item.id, {
      texts: Object.fromEntries(texts),
      first: firstLine.value,
      dropped: [...dropped],
      last: variant,
      at: Date.now(),
    });
  }

  /**
   * Says `message` in the status line `where` (each control has its own, announced as it changes). A network's
   * line takes the whole row under its button, and the line is scrolled into view: on a phone it must be read
   * before the network opens.
   */
  function say(where: HTMLElement, message: string): void {
    for (const note of root.querySelectorAll<HTMLElement>('.share-note')) if (note !== where) note.textContent = '';
    for (const li of items.values()) li.classList.remove('share-wide');
    copyBox.hidden = true;
    where.textContent = message;
    if (!message) return;
    if (where.matches('[data-note]')) where.closest('li')!.classList.add('share-wide');
    where.scrollIntoView({ block: 'nearest' });
  }

  function update(): void {
    const offeredHere = networksOfVariant(item, variant);
    const own = blocks();
    const as = shared();
    const over: string[] = [];
    for (const network of item.networks) {
      const button = buttons.get(network)!;
      const count = counts.get(network)!;
      const isOffered = offeredHere.includes(network);
      // A network the wording is not for is not counted, so it never fetches patterns.
      const current = isOffered ? post(network, own, as) : { ...draft(network, own, as), length: undefined, fits: false };
      const { length, limit } = current;
      const pending = isOffered && length === undefined;
      const tooLong = length !== undefined && !current.fits;
      if (isOffered && tooLong) over.push(s('sharePanel.tooLongBy', { network: label(network), over: length - limit }));
      button.disabled = !current.fits || own.length === 0;
      button.dataset.url = current.url;
      count.toggleAttribute('data-pending', pending);
      count.classList.toggle('over', tooLong);
      count.textContent = !isOffered
        ? s('sharePanel.notForVariant')
        : length === undefined
          ? patterns.failed()
            ? s('sharePanel.countFailed')
            : s('sharePanel.counting')
          : s(current.fits ? 'sharePanel.count' : 'sharePanel.tooLong', { length, limit, over: length - limit });
    }
    // Announced only when it changes, not on every key.
    const fits = over.length ? s('sharePanel.tooLongFor', { networks: over.join(', ') }) : s('sharePanel.fitsAll');
    if (fit.textContent !== fits) fit.textContent = fits;
    fit.classList.toggle('over', over.length > 0);
  }

  /** Marks the wordings the advocate edited, and offers the original back (or the edit, just after). */
  function showEdits(): void {
    editedMarks.forEach((mark, index) => (mark.hidden = !texts.has(index)));
    $<HTMLElement>('[data-variant-summary]')!.textContent = s('sharePanel.wordingOf', { n: variant + 1, total: item.variants.length });
    const canUndo = undo?.variant === variant;
    reset.hidden = !texts.has(variant) && !canUndo;
    reset.textContent = s(canUndo ? 'sharePanel.undoReset' : 'sharePanel.reset');
  }

  function selectVariant(index: number): void {
    variant = index;
    radios[index]!.checked = true;
    textarea.value = texts.get(index) ?? item.variants[index]!.text;
    showEdits();
    update();
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

  /** The clipboard is blocked: the whole post waits in a read-only box, selected, below the control that asked for it. */
  function offerCopyBox(value: string, network?: { id: NetworkId; url: string }): void {
    const li = network && items.get(network.id);
    if (li) {
      li.classList.add('share-wide');
      li.append(copyBox);
    } else copyActions.append(copyBox);
    copyBoxText.value = value;
    copyBoxOpen.hidden = !network;
    if (network) {
      // target and rel only with an href: HTML allows neither on a link without one.
      copyBoxOpen.href = network.url;
      copyBoxOpen.target = '_blank';
      copyBoxOpen.rel = 'noopener noreferrer';
      copyBoxOpen.textContent = s('sharePanel.openNetwork', { network: label(network.id) });
    }
    copyBox.hidden = false;
    copyBoxText.focus();
    // Selected from the end back to the start, and scrolled to the top: the box shows the post's beginning.
    copyBoxText.setSelectionRange(0, value.length, 'backward');
    copyBoxText.scrollTop = 0;
    copyBox.scrollIntoView({ block: 'nearest' });
  }

  radios.forEach((radio, index) =>
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      undo = undefined;
      selectVariant(index);
      save();
    }),
  );
  // A wording tapped or clicked folds the picker and brings its text into view (arrow keys leave it open, to go on choosing).
  const picker = $<HTMLDetailsElement>('[data-variants]')!;
  for (const choice of root.querySelectorAll<HTMLElement>('.share-variant'))
    choice.addEventListener('click', (event) => {
      if (event.detail === 0) return;
      setTimeout(() => {
        picker.open = false;
        picker.querySelector('summary')!.focus({ preventScroll: true });
        textarea.scrollIntoView({ block: 'nearest' });
      });
    });
  textarea.addEventListener('input', () => {
    if (textarea.value === item.variants[variant]!.text) texts.delete(variant);
    else texts.set(variant, textarea.value);
    undo = undefined;
    resetNote.textContent = '';
    save();
    showEdits();
    update();
  });
  reset.addEventListener('click', () => {
    if (undo?.variant === variant) {
      texts.set(variant, undo.text);
      undo = undefined;
      say(resetNote, '');
    } else {
      undo = { variant, text: texts.get(variant)! };
      texts.delete(variant);
      say(resetNote, s('sharePanel.resetDone'));
    }
    selectVariant(variant);
    save();
  });
  firstLine.addEventListener('input', () => {
    save();
    update();
  });
  // One hashtag at a time, or all of them at once; never the disclosure.
  const allTags = $<HTMLButtonElement>('[data-hashtags-all]');
  const tagsChanged = () => {
    if (allTags) allTags.textContent = s(dropped.size === item.hashtags.length ? 'sharePanel.hashtagsAllBack' : 'sharePanel.hashtagsAllOut');
    save();
    update();
  };
  for (const box of tagBoxes) {
    box.addEventListener('change', () => {
      if (box.checked) dropped.delete(box.dataset.hashtag!);
      else dropped.add(box.dataset.hashtag!);
      tagsChanged();
    });
  }
  allTags?.addEventListener('click', () => {
    const leaveOut = dropped.size < item.hashtags.length;
    for (const box of tagBoxes) {
      box.checked = !leaveOut;
      if (leaveOut) dropped.add(box.dataset.hashtag!);
      else dropped.delete(box.dataset.hashtag!);
    }
    tagsChanged();
  });
  if (allTags && dropped.size === item.hashtags.length) allTags.textContent = s('sharePanel.hashtagsAllBack');

  codeInput.addEventListener('input', () => {
    const typed = codeInput.value.trim();
    const valid = normalizeCode(typed);
    const invalid = typed !== '' && !valid;
    code = valid;
    codeInput.setAttribute('aria-invalid', String(invalid));
    codeHelp.textContent = invalid ? s('sharePanel.codeInvalid') : help.code;
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
    mastodonHelp!.textContent = invalid ? s('sharePanel.mastodonInvalid', { instance: mastodon }) : help.mastodon;
    update();
  });
  mastodonInput?.addEventListener('change', () => {
    const host = normalizeHost(mastodonInput.value);
    if (mastodonInput.value.trim() === '' || host) writePrefs({ mastodon: host });
  });

  // The notice of a link's code: keep one's own (the default), or take the link's with one tap.
  const notice = $<HTMLElement>('[data-ref-notice]')!;
  if (offered) {
    $<HTMLElement>('[data-ref-text]')!.textContent = s('sharePanel.refNotice', { code: offered, stored: code ?? '' });
    const use = $<HTMLButtonElement>('[data-ref-use]')!;
    use.textContent = s('sharePanel.refUse', { code: offered });
    use.addEventListener('click', () => {
      code = writePrefs({ code: offered }).code;
      codeInput.value = code ?? '';
      notice.hidden = true;
      settleLinkCode();
      update();
    });
    $<HTMLButtonElement>('[data-ref-dismiss]')!.addEventListener('click', () => {
      notice.hidden = true;
      settleLinkCode();
    });
    notice.hidden = false;
  }

  const sharedMark = $<HTMLElement>('[data-shared-mark]');
  const showShared = () => {
    const shared = readSharedItems().items[item.id];
    if (!sharedMark || !shared) return;
    sharedMark.textContent = s('sharedMarks.on', { date: sharedDay(shared.at, document.documentElement.lang || 'en'), network: label(shared.network) });
    sharedMark.hidden = false;
  };
  showShared();

  for (const [network, button] of buttons) {
    const note = items.get(network)!.querySelector<HTMLElement>('[data-note]')!;
    button.addEventListener('click', async () => {
      const current = post(network);
      if (!current.fits) return;
      recordNetworkUse(network);
      recordShared(item.id, network);
      showShared();
      const name = label(network);
      if (current.textUrl && !phone) {
        // The composer takes the whole post; it is copied too, in case LinkedIn asks to sign in first and forgets it.
        if (await copy(current.text)) say(note, s('sharePanel.openedWithText', { network: name }));
        else {
          say(note, s('sharePanel.openedWithTextNotCopied', { network: name }));
          offerCopyBox(current.text, { id: network, url: current.textUrl });
        }
        open(current.textUrl);
      } else if (current.clipboard) {
        if (await copy(current.text)) {
          say(note, s('sharePanel.copied', { network: name }));
          setTimeout(() => open(current.url), HINT_DELAY_MS);
        } else {
          say(note, s('sharePanel.copyFailed', { network: name }));
          offerCopyBox(current.text, { id: network, url: current.url });
        }
      } else {
        say(note, s('sharePanel.opened', { network: name }));
        open(current.url);
      }
    });
  }

  const copyNote = $<HTMLElement>('[data-copy-status]')!;
  $<HTMLButtonElement>('[data-copy]')!.addEventListener('click', async () => {
    const value = composed('copy');
    if (await copy(value)) say(copyNote, s('sharePanel.copiedPlain'));
    else {
      say(copyNote, s('sharePanel.copyFailedPlain'));
      offerCopyBox(value);
    }
  });
  const webShare = $<HTMLButtonElement>('[data-web-share]')!;
  if (typeof navigator.share === 'function') {
    webShare.hidden = false;
    webShare.addEventListener('click', () => {
      navigator.share({ text: composed('web-share') }).then(
        () => say(actionsNote, s('sharePanel.shared')),
        () => {
          /* dismissed by the advocate */
        },
      );
    });
  }

  // The advocate's most used networks first (the hub's order before any use); a deep link's network before them.
  const list = $<HTMLElement>('[data-networks]')!;
  const order = byUse(item.networks, readNetworkUse());
  if (deepLink.network) {
    order.splice(order.indexOf(deepLink.network), 1);
    order.unshift(deepLink.network);
    items.get(deepLink.network)!.querySelector<HTMLElement>('[data-suggested]')!.hidden = false;
  }
  list.prepend(...order.map((network) => items.get(network)!));

  selectVariant(variant);
  panel.hidden = false;
  $<HTMLElement>('[data-share-fallback]')!.hidden = true;
}
