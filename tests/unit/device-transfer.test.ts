/** Taking the hub to another device (issue 16): packing a link, refusing a damaged one, checking its fields, merging without loss. */
import { describe, expect, it } from 'vitest';
import {
  DEVICE_VERSION,
  EMPTY_STATE,
  type HubState,
  type KnownIds,
  carried,
  checkWire,
  crc32,
  deviceLink,
  fromBase64Url,
  isEmpty,
  mergeState,
  packState,
  packedOfHash,
  previewImport,
  toBase64Url,
  unpackState,
} from '../../src/lib/device-transfer.ts';

const KNOWN: KnownIds = {
  teams: ['sales', 'engineering'],
  mentors: ['priya-raman', 'lucas-brandt'],
  roles: ['listener', 'curator'],
  modules: ['listening-first', 'comments-that-count'],
  tracks: { 'sales-advocates': ['ref:training/listening-first', 'ref:guidelines/opinion', 'ref:snippets/heat-pump-myths', 'task:find-one'] },
  guidelinesVersion: 'abc12',
  stepRefs: ['training/listening-first', 'guidelines/opinion', 'snippets/heat-pump-myths'],
};

const PASSED = { best: 4, total: 4, passed: true, passedAt: '2026-11-20T10:00:00.000Z', attempts: 2 };

const STATE: HubState = {
  prefs: { code: 'maya-o', team: 'sales', mentor: 'priya-raman', role: 'listener' },
  training: { 'listening-first': PASSED },
  checklist: { 'sales-advocates': ['task:find-one'] },
  acknowledgement: { version: 'abc12', at: '2026-11-21T09:00:00.000Z' },
  opened: ['guidelines/opinion'],
  shared: { 'heat-pump-myths': { at: '2026-11-21T12:00:00.000Z', network: 'bluesky' } },
  activeTrack: 'sales-advocates',
};

describe('carried', () => {
  it('takes passes, known ticks, the current acknowledgement and the step evidence; leaves out the rest', () => {
    const state: HubState = {
      ...STATE,
      training: { ...STATE.training, 'comments-that-count': { best: 1, total: 4, passed: false, attempts: 1 }, gone: PASSED },
      checklist: { 'sales-advocates': ['task:find-one', 'task:removed'], other: ['x'] },
      opened: ['guidelines/opinion', 'articles/elsewhere'],
      shared: { ...STATE.shared, 'other-snippet': { at: '2026-11-21T12:00:00.000Z', network: 'x' } },
    };
    expect(carried(state, KNOWN)).toEqual(STATE);
    expect(carried({ ...STATE, acknowledgement: { version: 'old1', at: STATE.acknowledgement!.at } }, KNOWN).acknowledgement).toBeUndefined();
    expect(isEmpty(carried(EMPTY_STATE, KNOWN))).toBe(true);
  });
});

describe('packing', () => {
  it('round-trips, in a fragment of the page link', async () => {
    const link = await deviceLink('https://hub.example/you/', STATE);
    expect(link).toMatch(/^https:\/\/hub\.example\/you\/#device=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(500);
    const packed = packedOfHash(new URL(link).hash)!;
    await expect(unpackState(packed, KNOWN)).resolves.toEqual({
      ok: true,
      state: { ...STATE, training: { 'listening-first': { ...PASSED, attempts: 1 } } },
      unknown: [],
    });
  });

  it('starts with its version and ends with a CRC-32', async () => {
    const bytes = fromBase64Url(await packState(STATE))!;
    expect(bytes[0]).toBe(DEVICE_VERSION);
    expect(new DataView(bytes.buffer).getUint32(bytes.length - 4)).toBe(crc32(bytes.subarray(0, -4)));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses every one-character change and every cut', async () => {
    const packed = await packState(STATE);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < packed.length; i++) {
      const other = alphabet[(alphabet.indexOf(packed[i]!) + 7) % alphabet.length]!;
      const changed = packed.slice(0, i) + other + packed.slice(i + 1);
      const result = await unpackState(changed, KNOWN);
      expect(result.ok, `changed at ${i}`).toBe(false);
    }
    for (const length of [0, 1, 5, Math.floor(packed.length / 2), packed.length - 1]) {
      await expect(unpackState(packed.slice(0, length), KNOWN)).resolves.toMatchObject({ ok: false, reason: 'damaged' });
    }
    await expect(unpackState(`${packed}!`, KNOWN)).resolves.toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('tells a link of a newer version apart', async () => {
    const bytes = fromBase64Url(await packState(STATE))!;
    bytes[0] = DEVICE_VERSION + 1;
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, -4)));
    await expect(unpackState(toBase64Url(bytes), KNOWN)).resolves.toEqual({ ok: false, reason: 'newer' });
  });

  it('refuses a link that inflates past its limit', async () => {
    const huge = { ...STATE, opened: Array.from({ length: 20_000 }, () => 'guidelines/opinion') };
    await expect(unpackState(await packState(huge), KNOWN)).resolves.toMatchObject({ ok: false, reason: 'damaged' });
  });
});

describe('checking a link', () => {
  it('refuses a field that breaks its pattern, naming it', () => {
    expect(checkWire({ p: { c: 'has space' } }, KNOWN)).toEqual({ ok: false, reason: 'malformed', detail: 'code' });
    expect(checkWire({ p: { t: 'Sales!' } }, KNOWN)).toMatchObject({ ok: false, detail: 'team' });
    expect(checkWire({ q: { 'listening-first': [5, 4, ''] } }, KNOWN)).toMatchObject({ ok: false, detail: 'quiz listening-first' });
    expect(checkWire({ o: ['javascript:alert(1)'] }, KNOWN)).toMatchObject({ ok: false, detail: 'pages read' });
    expect(checkWire({ z: 1 }, KNOWN)).toMatchObject({ ok: false, detail: 'z' });
    expect(checkWire([], KNOWN)).toMatchObject({ ok: false });
    expect(checkWire({ g: ['abc12', 'not a date'] }, KNOWN)).toMatchObject({ ok: false, detail: 'guidelines' });
  });

  it('reports well-formed ids the hub does not know and leaves them out', () => {
    const result = checkWire(
      {
        p: { t: 'marketing', m: 'someone-else', c: 'ok-code' },
        q: { 'old-module': [1, 1, ''] },
        k: { 'sales-advocates': ['task:find-one', 'task:gone'], 'old-track': ['x'] },
        g: ['zzz', '2026-11-21T09:00:00.000Z'],
        s: { 'old-snippet': ['2026-11-21T09:00:00.000Z', 'x'] },
        a: 'old-track',
      },
      KNOWN,
    );
    expect(result).toEqual({
      ok: true,
      state: { prefs: { code: 'ok-code' }, training: {}, checklist: { 'sales-advocates': ['task:find-one'] }, opened: [], shared: {} },
      unknown: [
        'team “marketing”',
        'mentor “someone-else”',
        'module “old-module”',
        'step “task:gone” of sales-advocates',
        'path “old-track”',
        'a confirmation of guidelines since changed',
        'snippet “old-snippet”',
      ],
    });
  });
});

describe('previewing and merging', () => {
  const HERE: HubState = {
    prefs: { code: 'my-own', team: 'engineering' },
    training: { 'listening-first': { best: 2, total: 4, passed: false, attempts: 3 }, 'comments-that-count': PASSED },
    checklist: { 'sales-advocates': ['ref:guidelines/opinion'] },
    opened: ['training/listening-first'],
    shared: { 'heat-pump-myths': { at: '2026-11-22T08:00:00.000Z', network: 'linkedin' } },
  };

  it('says what is new, what is already here and what differs', () => {
    const preview = previewImport(HERE, STATE);
    expect(preview.prefs).toEqual([
      { field: 'code', link: 'maya-o', here: 'my-own', status: 'differs' },
      { field: 'team', link: 'sales', here: 'engineering', status: 'differs' },
      { field: 'mentor', link: 'priya-raman', status: 'new' },
      { field: 'role', link: 'listener', status: 'new' },
    ]);
    expect(preview).toMatchObject({
      newPasses: ['listening-first'],
      passesHere: [],
      newTicks: { 'sales-advocates': ['task:find-one'] },
      acknowledgement: 'new',
      newOpened: ['guidelines/opinion'],
      newShared: [],
      activeTrack: 'sales-advocates',
      nothingNew: false,
    });
    expect(previewImport(STATE, STATE)).toMatchObject({ nothingNew: true, newPasses: [], passesHere: ['listening-first'] });
  });

  it('keeps everything stored: unions progress, keeps a differing code and team unless picked', () => {
    const merged = mergeState(HERE, STATE);
    expect(merged.prefs).toEqual({ code: 'my-own', team: 'engineering', mentor: 'priya-raman', role: 'listener' });
    expect(merged.training).toEqual({
      'listening-first': { best: 4, total: 4, passed: true, passedAt: PASSED.passedAt, attempts: 4 },
      'comments-that-count': PASSED,
    });
    expect(merged.checklist).toEqual({ 'sales-advocates': ['ref:guidelines/opinion', 'task:find-one'] });
    expect(merged.opened).toEqual(['training/listening-first', 'guidelines/opinion']);
    // The share recorded here stays as it is.
    expect(merged.shared).toEqual(HERE.shared);
    expect(merged.acknowledgement).toEqual(STATE.acknowledgement);
    expect(merged.activeTrack).toBe('sales-advocates');

    expect(mergeState(HERE, STATE, ['code']).prefs).toMatchObject({ code: 'maya-o', team: 'engineering' });
    // Merging twice changes nothing more.
    expect(mergeState(merged, STATE)).toEqual(merged);
  });

  it('keeps a pass stored here, with its own date', () => {
    const here: HubState = { ...EMPTY_STATE, training: { 'listening-first': { ...PASSED, passedAt: '2026-01-01T00:00:00.000Z' } } };
    expect(mergeState(here, STATE).training['listening-first']!.passedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});
