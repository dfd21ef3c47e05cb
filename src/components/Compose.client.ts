/**
 * The /compose/ island (markup: Compose.astro). The post is built by the same
 * src/lib/share modules as a snippet's panel (draftPost, liveLength, the
 * network registry), from a one-off Shareable: the pasted link, the
 * advocate's words and the networks they picked. The link is tagged only when
 * it is on the company's own domains (own-domains.ts). The composition is
 * kept in the browser as it is typed (hub:compose); arriving with another
 * link, or reopening a recent one, files the current one among the recent.
 */
import { compose } from '../lib/share/compose.ts';
import { type ShareSettings, type Shareable, draftPost, isPhoneBrowser } from '../lib/share/draft.ts';
import { lazyPatterns, liveLength, ownBlocks } from '../lib/share/live-length.ts';
import { hostOf, isOwnLink } from '../lib/share/own-domains.ts';
import { LINK_MAX_LENGTH, type LinkProblem, linkProblem, sharedInput } from '../lib/share/link-input.ts';
import { type Composition, fileAndStart, parseCompositions, withoutRecent } from '../lib/share/compositions.ts';
import { tagLink } from '../lib/share/utm.ts';
import { type SuggestTarget, suggestUrl } from '../lib/suggest.ts';
import type { NetworkId } from '../model/networks.ts';
import { readPrefs } from '../client/advocate-store.ts';
import { readItem, writeItem } from '../client/hub-storage.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

interface Config {
  settings: ShareSettings;
  networks: { id: NetworkId; label: string }[];
  ownDomains: string[];
  suggest?: SuggestTarget;
  suggestTitle: string;
}

export const COMPOSE_KEY = 'hub:compose';
const NO_COUNT = { tails: {}, wordings: {} };

export function initCompose(): void {
  const found = document.querySelector<HTMLElement>('[data-compose]');
  if (!found || found.dataset.composeReady) return;
  const root: HTMLElement = found;
  root.dataset.composeReady = 'true';
  const config = JSON.parse(root.querySelector('[data-compose-config]')!.textContent!) as Config;
  const s = stringsOf<IslandKey<'compose'>>(root);
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const urlInput = $<HTMLInputElement>('[data-compose-url]');
  const urlHelp = $<HTMLElement>('[data-compose-url-help]');
  const titleInput = $<HTMLInputElement>('[data-compose-title]');
  const textarea = $<HTMLTextAreaElement>('[data-compose-text]');
  const status = $<HTMLElement>('[data-compose-status]');
  const copyBox = $<HTMLElement>('[data-compose-copy-box]');
  const copyText = $<HTMLTextAreaElement>('[data-compose-copy-text]');
  const recentList = $<HTMLUListElement>('[data-compose-recent]');
  const picks = [...root.querySelectorAll<HTMLInputElement>('[data-compose-pick]')];
  const help = urlHelp.textContent ?? '';
  const label = (id: NetworkId) => config.networks.find((n) => n.id === id)?.label ?? id;
  const phone = isPhoneBrowser(navigator.userAgent, navigator.maxTouchPoints);
  const { code, team, mastodon } = readPrefs();
  // The advocate's own Mastodon server, as set in a snippet's panel.
  const shareSettings: ShareSettings = { ...config.settings, mastodon: mastodon ?? config.settings.mastodon };
  const patterns = lazyPatterns(() => update());

  // A link, title or text handed over in the query starts a new composition; the one being written is filed first.
  let stored = parseCompositions(readItem(COMPOSE_KEY));
  const query = new URLSearchParams(location.search);
  // Share sheets often put the link in `text` only: its last web address is taken as the link.
  const given = sharedInput({ url: query.get('url') ?? '', title: query.get('title') ?? '', text: query.get('text') ?? '' });
  if (given.url || given.title || given.text) {
    stored = fileAndStart(stored, { ...given, at: Date.now() });
    writeItem(COMPOSE_KEY, stored);
    history.replaceState(null, '', location.pathname);
  }

  const current = (): Composition => ({
    url: urlInput.value,
    title: titleInput.value,
    text: textarea.value,
    networks: picks.filter((box) => box.checked).map((box) => box.dataset.composePick as NetworkId),
    at: Date.now(),
  });
  const save = () => {
    stored = { ...stored, current: current() };
    writeItem(COMPOSE_KEY, stored);
  };
  const show = (c: Composition | undefined) => {
    urlInput.value = c?.url ?? '';
    titleInput.value = c?.title ?? '';
    textarea.value = c?.text ?? '';
    for (const box of picks) box.checked = !c?.networks || c.networks.includes(box.dataset.composePick as NetworkId);
  };

  const problemText = (problem: LinkProblem): string => {
    switch (problem.kind) {
      case 'empty':
        return help;
      case 'tooLong':
        return s('compose.linkTooLong', { length: problem.length, max: LINK_MAX_LENGTH });
      case 'script':
        return s('compose.linkScript', { scheme: problem.scheme });
      case 'scheme':
        return s('compose.linkScheme', { scheme: problem.scheme });
      case 'noScheme':
        return s('compose.linkNoScheme', { suggestion: problem.suggestion });
      case 'credentials':
        return s('compose.linkCredentials');
      case 'character':
        return s(`compose.linkCharacter.${problem.refusal}`, { code: problem.code, at: problem.at });
      case 'capitals':
        return s('compose.linkCapitals', { scheme: problem.scheme });
      default:
        return s('compose.linkNotUrl');
    }
  };

  /** The composition as a Shareable, or undefined while the link is refused. */
  const item = (): Shareable | undefined => {
    const link = urlInput.value.trim();
    if (linkProblem(link)) return undefined;
    const networks = picks.filter((box) => box.checked).map((box) => box.dataset.composePick as NetworkId);
    return { id: 'compose', campaign: 'compose', link, hashtags: [], variants: [], networks, untagged: !isOwnLink(link, config.ownDomains) };
  };
  const blocks = () => ownBlocks('', textarea.value);

  function update(): void {
    const problem = linkProblem(urlInput.value);
    const shown = problem ? problemText(problem) : s(isOwnLink(urlInput.value.trim(), config.ownDomains) ? 'compose.linkOwn' : 'compose.linkOther');
    if (urlHelp.textContent !== shown) urlHelp.textContent = shown;
    const refused = !!problem && problem.kind !== 'empty';
    urlInput.setAttribute('aria-invalid', String(refused));
    urlHelp.classList.toggle('problem', refused);
    const shareable = item();
    const own = blocks();
    for (const { id } of config.networks) {
      const li = $<HTMLElement>(`[data-compose-item="${id}"]`);
      const button = $<HTMLButtonElement>(`[data-compose-network="${id}"]`);
      const count = $<HTMLElement>(`[data-compose-count="${id}"]`);
      li.hidden = !picks.find((box) => box.dataset.composePick === id)!.checked;
      if (!shareable) {
        button.disabled = true;
        count.textContent = '';
        continue;
      }
      const post = draftPost(id, own.join('\n\n'), shareable, shareSettings, code);
      const length = liveLength(post, own, code, shareable, NO_COUNT, patterns);
      const fits = length !== undefined && length <= post.limit;
      button.disabled = !fits;
      count.classList.toggle('over', length !== undefined && !fits);
      count.textContent =
        length === undefined
          ? s(patterns.failed() ? 'sharePanel.countFailed' : 'sharePanel.counting')
          : s(fits ? 'sharePanel.count' : 'sharePanel.tooLong', { length, limit: post.limit, over: length - post.limit });
    }
    $<HTMLButtonElement>('[data-compose-copy]').disabled = !shareable;
    // "Suggest it to the editors": the composition as a suggestion (a refused link is left out, the words kept).
    const suggest = root.querySelector<HTMLAnchorElement>('[data-compose-suggest]');
    if (suggest && config.suggest) {
      // Named by what it is about, so an editor's list of suggestions reads: the page's title, else the site it is on.
      const about = titleInput.value.trim() || (shareable ? hostOf(shareable.link) : undefined);
      suggest.href = suggestUrl(config.suggest, {
        title: about ? `${config.suggestTitle}: ${about}` : config.suggestTitle,
        link: shareable?.link,
        wording: textarea.value.trim(),
        // The advocate's own team (chosen on a list page), when they have one; "all" says nothing.
        team: team === 'all' ? undefined : team,
      });
    }
    const webShare = $<HTMLButtonElement>('[data-compose-web-share]');
    webShare.disabled = !shareable;
  }

  function renderRecent(): void {
    recentList.replaceChildren(
      ...stored.recent.map((c, index) => {
        const li = document.createElement('li');
        const what = document.createElement('span');
        what.textContent = [c.title || c.url || s('compose.untitled'), c.text.slice(0, 80)].filter(Boolean).join(' — ');
        const open = document.createElement('button');
        open.type = 'button';
        open.className = 'button secondary';
        open.textContent = s('compose.reopen');
        open.addEventListener('click', () => {
          stored = fileAndStart(withoutRecent(stored, index), { ...c, at: Date.now() });
          writeItem(COMPOSE_KEY, stored);
          show(stored.current);
          renderRecent();
          update();
          urlInput.focus();
        });
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'link-button';
        remove.textContent = s('compose.delete');
        remove.setAttribute('aria-label', s('compose.deleteLabel', { what: c.title || c.url || s('compose.untitled') }));
        remove.addEventListener('click', () => {
          stored = withoutRecent(stored, index);
          writeItem(COMPOSE_KEY, stored);
          renderRecent();
          status.textContent = s('compose.deleted');
        });
        li.append(what, open, remove);
        return li;
      }),
    );
    $<HTMLElement>('[data-compose-recent-empty]').hidden = stored.recent.length > 0;
  }

  const say = (message: string) => {
    copyBox.hidden = true;
    status.textContent = message;
  };
  const openUrl = (url: string) => {
    if (url.startsWith('mailto:')) location.href = url;
    else window.open(url, '_blank', 'noopener,noreferrer');
  };
  async function copy(value: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      return false;
    }
  }
  const offerCopyBox = (value: string) => {
    copyText.value = value;
    copyBox.hidden = false;
    copyText.focus();
    copyText.select();
  };
  /** The post for copy and Web Share: the words, the disclosure and the link (tagged on own domains). */
  const plainPost = (target: 'copy' | 'web-share', shareable: Shareable) =>
    compose(target, {
      text: blocks().join('\n\n'),
      hashtags: [],
      disclosure: config.settings.disclosure,
      link: shareable.untagged ? shareable.link : tagLink(shareable.link, { source: target, medium: config.settings.medium, campaign: 'compose', content: code }),
    }).text;

  for (const { id } of config.networks) {
    $<HTMLButtonElement>(`[data-compose-network="${id}"]`).addEventListener('click', async () => {
      const shareable = item();
      if (!shareable) return;
      const post = draftPost(id, blocks().join('\n\n'), shareable, shareSettings, code);
      if (post.textUrl && !phone) {
        await copy(post.text);
        say(s('sharePanel.openedWithText', { network: label(id) }));
        openUrl(post.textUrl);
      } else if (post.clipboard) {
        if (await copy(post.text)) {
          say(s('sharePanel.copied', { network: label(id) }));
          openUrl(post.url);
        } else {
          say(s('sharePanel.copyFailed', { network: label(id) }));
          offerCopyBox(post.text);
        }
      } else {
        say(s('sharePanel.opened', { network: label(id) }));
        openUrl(post.url);
      }
    });
  }
  $<HTMLButtonElement>('[data-compose-copy]').addEventListener('click', async () => {
    const shareable = item();
    if (!shareable) return;
    const value = plainPost('copy', shareable);
    if (await copy(value)) say(s('sharePanel.copiedPlain'));
    else {
      say(s('sharePanel.copyFailedPlain'));
      offerCopyBox(value);
    }
  });
  const webShare = $<HTMLButtonElement>('[data-compose-web-share]');
  if (typeof navigator.share === 'function') {
    webShare.hidden = false;
    webShare.addEventListener('click', () => {
      const shareable = item();
      if (shareable)
        navigator.share({ text: plainPost('web-share', shareable) }).then(
          () => say(s('sharePanel.shared')),
          () => undefined,
        );
    });
  }
  for (const field of [urlInput, titleInput, textarea]) {
    field.addEventListener('input', () => {
      save();
      update();
    });
  }
  for (const box of picks) {
    box.addEventListener('change', () => {
      save();
      update();
    });
  }

  show(stored.current);
  renderRecent();
  update();
  $<HTMLElement>('[data-compose-panel]').hidden = false;
  $<HTMLElement>('[data-compose-fallback]').hidden = true;
}
