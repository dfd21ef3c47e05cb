/**
 * The island of /you/ (YourHub.astro): lists what the hub keeps in this
 * browser and clears a part or all of it after a confirmation; makes the
 * link and QR code for another device; and, opened from such a link
 * (`#device=…`), shows what it would restore and merges only when asked.
 * The rules (packing, checks, merge) are pure, in src/lib/device-transfer.ts.
 */
import { STORAGE_KEY, readPrefs, writePrefs } from '../client/advocate-store.ts';
import { GUIDELINES_KEY, readAcknowledgement, writeAcknowledgement } from '../client/guidelines-store.ts';
import { onProgressChange, readItem, writeItem } from '../client/hub-storage.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';
import { ACTIVE_TRACK_KEY, OPENED_KEY, readActiveTrack, readOpened } from '../client/path-store.ts';
import { CHECKLIST_KEY, TRAINING_KEY, readChecklist, readTraining, writeChecklist, writeTraining } from '../client/progress-store.ts';
import {
  type HubState,
  type KnownIds,
  type PrefField,
  type YourHubLabels,
  carried,
  deviceLink,
  isEmpty,
  mergeState,
  packedOfHash,
  previewImport,
  unpackState,
} from '../lib/device-transfer.ts';
import { SHARED_KEY, SHARED_VERSION, parseSharedItems } from '../lib/share/shared-items.ts';
import { pathState } from '../lib/track-progress.ts';
import { VISITS_KEY, parseVisits } from '../lib/visits.ts';
import { qrSvg } from '../lib/qr.ts';

/**
 * The share panel's keys (src/client/share-store.ts), read here only to count and clear: importing that
 * module, or its parsers, would split them out of the snippet page's script (its 12 KB budget). A stored
 * value this page cannot count still shows, as "Kept as …", and clears. tests/e2e/device-transfer.test.ts
 * checks both are listed in words.
 */
const DRAFTS_KEY = 'hub:drafts';
const NETWORK_USE_KEY = 'hub:network-use';

/** A stored `{ v: 1, [field]: { … } }` record's entries, or none. */
function entriesOf(raw: string | null, field: string): [string, unknown][] {
  try {
    const value = JSON.parse(raw ?? 'null') as Record<string, unknown> | null;
    const inner = value?.v === 1 ? value[field] : undefined;
    return inner && typeof inner === 'object' ? Object.entries(inner) : [];
  } catch {
    return [];
  }
}

const root = document.querySelector<HTMLElement>('[data-your-hub]');
if (root) start(root);

function start(root: HTMLElement): void {
  const s = stringsOf<IslandKey<'yourHub'>>(root);
  const known = JSON.parse(root.dataset.known ?? '{}') as KnownIds;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as YourHubLabels;
  const $ = <E extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
  const HIDE_SHARED_KEY = 'hub:hide-shared';
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    return element;
  };
  const list = (items: readonly string[]) => {
    const ul = el('ul');
    for (const item of items) ul.append(el('li', item));
    return ul;
  };
  const moduleName = (id: string) => labels.modules[id] ?? id;
  const trackName = (id: string) => labels.tracks[id]?.title ?? id;
  const prefValue = (field: PrefField, value: string) =>
    field === 'team' ? (labels.teams[value] ?? value) : field === 'mentor' ? (labels.mentors[value] ?? value) : field === 'role' ? (labels.roles[value] ?? value) : value;

  root.querySelector('[data-no-js]')?.remove();
  for (const element of root.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;

  /** Everything the stores hold that a link can carry or a merge can change. */
  const readState = (): HubState => {
    const state: HubState = {
      prefs: readPrefs(),
      training: readTraining(),
      checklist: readChecklist(),
      opened: readOpened(),
      shared: parseSharedItems(readItem(SHARED_KEY)).items,
    };
    const ack = readAcknowledgement();
    if (ack) state.acknowledgement = ack;
    const active = readActiveTrack();
    if (active) state.activeTrack = active;
    return state;
  };

  // --- What this browser keeps ---------------------------------------------------

  interface Part {
    name: string;
    keys: string[];
    lines: () => string[];
  }
  const hubKeys = (): string[] => {
    try {
      return Object.keys(localStorage).filter((key) => key.startsWith('hub:'));
    } catch {
      return [];
    }
  };
  const parts: Part[] = [
    {
      name: s('you.part.details'),
      keys: [STORAGE_KEY],
      lines: () => {
        const prefs = readPrefs();
        return (['code', 'team', 'mentor', 'role', 'mastodon'] as const).flatMap((field) =>
          prefs[field] ? [s(`you.${field}`, { value: prefValue(field, prefs[field]) })] : [],
        );
      },
    },
    {
      name: s('you.part.training'),
      keys: [TRAINING_KEY],
      lines: () => {
        const training = readTraining();
        const passed = Object.keys(training).filter((id) => training[id]!.passed);
        const tried = Object.keys(training).filter((id) => !training[id]!.passed);
        return [
          ...(passed.length ? [s('you.passed', { modules: passed.map(moduleName).join(', ') })] : []),
          ...(tried.length ? [s('you.tried', { modules: tried.map(moduleName).join(', ') })] : []),
        ];
      },
    },
    {
      name: s('you.part.path'),
      keys: [CHECKLIST_KEY, ACTIVE_TRACK_KEY, OPENED_KEY],
      lines: () => {
        const state = readState();
        const evidence = {
          passed: Object.keys(state.training).filter((id) => state.training[id]!.passed),
          acknowledged: state.acknowledgement?.version === known.guidelinesVersion,
          opened: state.opened,
          shared: Object.keys(state.shared),
        };
        const tracks = Object.keys(labels.tracks).filter((id) => id === state.activeTrack || (state.checklist[id]?.length ?? 0) > 0);
        const lines = tracks.map((id) => {
          const steps = Object.entries(labels.tracks[id]!.steps).map(([key, label]) => ({
            key,
            label,
            ...(key.startsWith('ref:') && { ref: key.slice(4).split('#')[0] }),
          }));
          const { done, total } = pathState(steps, state.checklist[id], evidence);
          return s('you.pathProgress', { track: trackName(id), done, total });
        });
        if (state.opened.length) lines.push(s('you.opened', { count: state.opened.length }));
        return lines;
      },
    },
    {
      name: s('you.part.guidelines'),
      keys: [GUIDELINES_KEY],
      lines: () => {
        const ack = readAcknowledgement();
        return ack ? [s(ack.version === known.guidelinesVersion ? 'you.acknowledged' : 'you.acknowledgedOld', { date: formatDay(ack.at) })] : [];
      },
    },
    {
      name: s('you.part.shared'),
      keys: [SHARED_KEY, HIDE_SHARED_KEY],
      lines: () => {
        const count = Object.keys(parseSharedItems(readItem(SHARED_KEY)).items).length;
        return [...(count ? [s('you.sharedCount', { count })] : []), ...(readItem(HIDE_SHARED_KEY) === 'true' ? [s('you.hideShared')] : [])];
      },
    },
    {
      name: s('you.part.drafts'),
      keys: [DRAFTS_KEY],
      lines: () => {
        const count = entriesOf(readItem(DRAFTS_KEY), 'items').filter(([, item]) => {
          const draft = item as { texts?: object; first?: string } | null;
          return (draft?.texts && Object.keys(draft.texts).length > 0) || !!draft?.first;
        }).length;
        return count ? [s('you.draftsCount', { count })] : [];
      },
    },
    {
      name: s('you.part.visits'),
      keys: [VISITS_KEY],
      lines: () => {
        const since = parseVisits(readItem(VISITS_KEY))?.since;
        return [since ? s('you.visitsSince', { date: formatDay(since) }) : s('you.visitsFirst')];
      },
    },
    {
      name: s('you.part.networks'),
      keys: [NETWORK_USE_KEY],
      lines: () =>
        entriesOf(readItem(NETWORK_USE_KEY), 'counts')
          .filter(([id, count]) => labels.networks[id] && Number.isInteger(count))
          .map(([id, count]) => s('you.networkUse', { network: labels.networks[id]!, count: count as number })),
    },
  ];
  const listed = new Set(parts.flatMap((part) => part.keys));

  const keptList = $('[data-kept]');
  const clearStatus = $('[data-clear-status]');
  const clearAll = $<HTMLButtonElement>('[data-clear-all]');
  const renderKept = () => {
    const present = new Set(hubKeys());
    const items: HTMLElement[] = [];
    const shown = [
      ...parts,
      ...[...present].filter((key) => !listed.has(key)).map((key): Part => ({ name: s('you.part.extra'), keys: [key], lines: () => [s('you.otherKey', { key })] })),
    ];
    for (const part of shown) {
      if (!part.keys.some((key) => present.has(key))) continue;
      const lines = part.lines();
      const li = el('li', undefined, { 'data-part': part.keys[0]! });
      li.append(el('h3', part.name), list(lines.length ? lines : [s('you.otherKey', { key: part.keys.filter((k) => present.has(k)).join(', ') })]));
      const button = el('button', s('you.clear'), { type: 'button', class: 'button secondary', 'aria-label': s('you.clearLabel', { part: part.name }) });
      button.addEventListener('click', () =>
        confirmClear(s('you.confirmOne', { part: part.name }), () => {
          remove(part.keys);
          clearStatus.textContent = s('you.cleared', { part: part.name });
        }),
      );
      li.append(button);
      items.push(li);
    }
    keptList.replaceChildren(...items);
    $('[data-kept-none]').hidden = items.length > 0;
    clearAll.hidden = items.length === 0;
  };

  const remove = (keys: readonly string[]) => {
    for (const key of keys) writeItem(key, undefined);
    if (keys.includes(STORAGE_KEY)) document.dispatchEvent(new CustomEvent('hub:prefs', { detail: {} }));
  };

  const dialog = $<HTMLDialogElement>('[data-confirm]');
  let onConfirm: (() => void) | undefined;
  const confirmClear = (question: string, clear: () => void) => {
    $('[data-confirm-text]').textContent = question;
    onConfirm = clear;
    dialog.returnValue = '';
    dialog.showModal();
  };
  dialog.addEventListener('close', () => {
    const clear = onConfirm;
    onConfirm = undefined;
    if (dialog.returnValue === 'clear') clear?.();
  });
  clearAll.addEventListener('click', () =>
    confirmClear(s('you.confirmAll'), () => {
      remove(hubKeys());
      try {
        sessionStorage.removeItem('hub:link-code');
        sessionStorage.removeItem('hub:link-team');
      } catch {
        /* storage disabled */
      }
      clearStatus.textContent = s('you.clearedAll');
    }),
  );

  // --- The link for another device -------------------------------------------------

  const device = $('[data-device]');
  const linkField = $<HTMLInputElement>('[data-device-link]');
  const qr = $('[data-qr]');
  let drawn = '';
  let drawing = 0;
  const renderDevice = async () => {
    const state = carried(readState(), known);
    const empty = isEmpty(state);
    device.hidden = empty;
    $('[data-device-nothing]').hidden = !empty;
    if (empty) return;
    const run = ++drawing;
    let link: string;
    try {
      link = await deviceLink(`${location.origin}${location.pathname}`, state);
    } catch {
      // A browser without CompressionStream (before 2023): no link rather than a broken one.
      device.hidden = true;
      return;
    }
    if (run !== drawing || link === drawn) return;
    drawn = link;
    linkField.value = link;
    const svg = await qrSvg(link);
    if (run !== drawing) return;
    // The title the module puts in would read the whole link aloud: the image is named in words instead.
    qr.innerHTML = svg.replace(/<title>[^<]*<\/title>/, '');
    const image = qr.querySelector('svg');
    image?.setAttribute('aria-label', s('you.qrAlt'));
    qr.dataset.qrText = link;
  };
  $('[data-copy]').addEventListener('click', async () => {
    const status = $('[data-copy-status]');
    try {
      await navigator.clipboard.writeText(linkField.value);
      status.textContent = s('you.copied');
    } catch {
      linkField.select();
      status.textContent = s('you.copyFailed');
    }
  });

  // --- Opened from a link: restore --------------------------------------------------

  const importSection = $('[data-import]');
  const preview = $('[data-import-preview]');
  const importStatus = $('[data-import-status]');
  const dropHash = () => history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  let pending: HubState | undefined;

  const showImport = async () => {
    const packed = packedOfHash(location.hash);
    if (packed === undefined) return;
    importSection.hidden = false;
    preview.hidden = true;
    importStatus.className = 'status';
    importStatus.textContent = '';
    $('[data-import-next]').hidden = true;
    const result = await unpackState(packed, known);
    if (!result.ok) {
      pending = undefined;
      importStatus.classList.add('warn');
      importStatus.textContent = s(`you.refused.${result.reason}`, { field: result.detail ?? '' });
      importStatus.dataset.refused = result.reason;
      $('#import-title').focus();
      return;
    }
    delete importStatus.dataset.refused;
    pending = result.state;
    const here = readState();
    const change = previewImport(here, result.state);
    const rows: HTMLElement[] = [];
    const row = (text: string, tag: string) => {
      const li = el('li', undefined, { 'data-import-row': '' });
      li.append(`${text} `, el('span', tag, { class: 'tag' }));
      rows.push(li);
    };
    const choices = $('[data-import-choices]');
    choices.replaceChildren();
    for (const pref of change.prefs) {
      const label = s(`you.${pref.field}`, { value: prefValue(pref.field, pref.link) });
      if (pref.status !== 'differs') row(label, s(pref.status === 'new' ? 'you.importNew' : 'you.importSame'));
      else {
        const group = el('fieldset');
        group.append(el('legend', s(`you.choose.${pref.field}`)));
        for (const [which, value] of [
          ['keep', pref.here!],
          ['link', pref.link],
        ] as const) {
          const input = el('input', undefined, { type: 'radio', name: `choice-${pref.field}`, value: which, 'data-choice': pref.field });
          if (which === 'keep') (input as HTMLInputElement).checked = true;
          const text = s(which === 'keep' ? 'you.importKeep' : 'you.importUse', { value: prefValue(pref.field, value) });
          const label = el('label');
          label.append(input, text);
          group.append(label);
        }
        choices.append(group);
      }
    }
    choices.hidden = choices.childElementCount === 0;
    if (change.newPasses.length) row(s('you.importPasses', { modules: change.newPasses.map(moduleName).join(', ') }), s('you.importNew'));
    if (change.passesHere.length) row(s('you.importPasses', { modules: change.passesHere.map(moduleName).join(', ') }), s('you.importSame'));
    for (const [track, keys] of Object.entries(change.newTicks))
      row(s('you.importTicks', { track: trackName(track), steps: keys.map((key) => labels.tracks[track]?.steps[key] ?? key).join('; ') }), s('you.importNew'));
    if (change.acknowledgement !== 'none') row(s('you.importAck'), s(change.acknowledgement === 'new' ? 'you.importNew' : 'you.importSame'));
    if (change.newOpened.length) row(s('you.importOpened', { pages: change.newOpened.map((ref) => labels.entries[ref] ?? ref).join('; ') }), s('you.importNew'));
    if (change.newShared.length)
      row(s('you.importShared', { items: change.newShared.map((id) => labels.entries[`snippets/${id}`] ?? id).join('; ') }), s('you.importNew'));
    if (change.activeTrack) row(s('you.importActive', { track: trackName(change.activeTrack) }), s('you.importNew'));
    $('[data-import-rows]').replaceChildren(...rows);
    const unknownLine = $('[data-import-unknown]');
    unknownLine.hidden = result.unknown.length === 0;
    unknownLine.textContent = result.unknown.length ? s('you.importUnknown', { items: result.unknown.join('; ') }) : '';
    if (change.nothingNew) importStatus.textContent = s('you.importNothing');
    preview.hidden = false;
    $('#import-title').focus();
  };

  const finishImport = (message: string, next: boolean) => {
    pending = undefined;
    preview.hidden = true;
    dropHash();
    importStatus.className = 'status ok';
    importStatus.textContent = message;
    const nextLine = $('[data-import-next]');
    nextLine.hidden = !next;
    const link = $<HTMLAnchorElement>('[data-import-next-link]');
    const active = readActiveTrack();
    link.href = active && labels.tracks[active] ? labels.tracks[active].href : (root.dataset.startHref ?? '/start/');
    link.textContent = s('you.importContinue');
  };

  $('[data-import-confirm]').addEventListener('click', () => {
    if (!pending) return;
    try {
      localStorage.setItem('hub:probe', '1');
      localStorage.removeItem('hub:probe');
    } catch {
      importStatus.className = 'status warn';
      importStatus.textContent = s('you.refused.storage');
      return;
    }
    const useLinks = [...root.querySelectorAll<HTMLInputElement>('[data-choice]:checked')]
      .filter((input) => input.value === 'link')
      .map((input) => input.dataset.choice as PrefField);
    const here = readState();
    const merged = mergeState(here, pending, useLinks);
    writePrefs(merged.prefs);
    writeTraining(merged.training);
    writeChecklist(merged.checklist);
    if (merged.acknowledgement) writeAcknowledgement(merged.acknowledgement);
    if (merged.opened.length) writeItem(OPENED_KEY, merged.opened);
    if (Object.keys(merged.shared).length) writeItem(SHARED_KEY, { v: SHARED_VERSION, items: merged.shared });
    if (merged.activeTrack) writeItem(ACTIVE_TRACK_KEY, merged.activeTrack);
    finishImport(s('you.imported'), true);
  });
  $('[data-import-cancel]').addEventListener('click', () => finishImport(s('you.importCancelled'), false));

  window.addEventListener('hashchange', () => void showImport());
  onProgressChange(() => {
    renderKept();
    void renderDevice();
  });
  void showImport();
}
