/**
 * "Use this hub on another device": what this browser keeps about an advocate's
 * progress, packed into the fragment of a link (`/you/#device=…`) that the
 * other device opens. A fragment is never sent to a server: the link carries
 * the data from one browser to the other and the hub's server never sees it.
 *
 * The packing, versioned: one version byte, the JSON below compressed with
 * deflate-raw, and a CRC-32 of both; base64url. A changed or cut link fails
 * the CRC (or the inflate) and is refused whole. This finds damage and edits
 * of a link; it does not prove who made it: anyone can make a valid link for
 * their own browser, which is all a link can change.
 *
 * What a link holds is checked field by field: an id that breaks the patterns
 * of src/model/ids.ts refuses the link; a well-formed id this hub does not know
 * (a module since removed) is reported and left out. Merging never loses what
 * is stored: progress is a union, and a different code, team or mentor stays
 * unless the advocate picks the link's one.
 * Pure (no storage, no DOM), so it is tested without a browser; the page's
 * island (src/components/YourHub.client.ts) reads and writes the stores.
 */
import type { AdvocatePrefs } from './advocate.ts';
import type { Acknowledgement } from './guidelines-ack.ts';
import type { ChecklistState } from './onboarding.ts';
import type { ModuleProgress, TrainingProgress } from './training-progress.ts';
import { isId, normalizeCode, normalizeHost } from '../model/ids.ts';
import { ENTRY_REF_PATTERN } from '../model/collections.ts';

/** The fragment's name: `#device=<packed>`. */
export const DEVICE_PARAM = 'device';
/** The packing's version, its first byte. */
export const DEVICE_VERSION = 1;
/** Longer fragments are not read (a QR code holds about 2,300 bytes; a real link is a few hundred characters). */
export const MAX_PACKED_CHARS = 8000;
/** The unpacked JSON's limit, so a small link cannot inflate into megabytes. */
const MAX_JSON_BYTES = 64 * 1024;

/** What a link carries, and what the stores hold, in one shape. */
export interface HubState {
  prefs: Pick<AdvocatePrefs, 'code' | 'team' | 'mentor' | 'role' | 'mastodon'>;
  /** Modules; a link carries the passed ones only. */
  training: TrainingProgress;
  /** Steps ticked by hand, per track. */
  checklist: ChecklistState;
  acknowledgement?: Acknowledgement;
  /** Entries opened, as "collection/id" (a guideline step completes itself from it). */
  opened: string[];
  /** Items shared: when and where (a snippet step completes itself from it). */
  shared: Record<string, { at: string; network: string }>;
  /** The track under way. */
  activeTrack?: string;
}

export const EMPTY_STATE: HubState = { prefs: {}, training: {}, checklist: {}, opened: [], shared: {} };

/** What this hub's build knows, to check a link against. */
export interface KnownIds {
  teams: readonly string[];
  mentors: readonly string[];
  roles: readonly string[];
  modules: readonly string[];
  /** Track id → the keys of its steps. */
  tracks: Readonly<Record<string, readonly string[]>>;
  /** The published guidelines' version: an acknowledgement of another version is not carried. */
  guidelinesVersion: string;
  /** Entries a track step points to, "collection/id": the pages opened and items shared that a link carries. */
  stepRefs: readonly string[];
}

/** The ids of KnownIds in people's words, for the page's island (built in src/views/you.ts). */
export interface YourHubLabels {
  teams: Record<string, string>;
  mentors: Record<string, string>;
  roles: Record<string, string>;
  modules: Record<string, string>;
  /** Track id → title, page and its steps' words. */
  tracks: Record<string, { title: string; href: string; steps: Record<string, string> }>;
  /** "collection/id" of a track step → its title. */
  entries: Record<string, string>;
  networks: Record<string, string>;
}

// --- Choosing what to carry -------------------------------------------------

/**
 * What a link from this browser carries: the advocate's details, passed
 * modules, ticks of known tracks, the current acknowledgement, and the opened
 * pages and shares that complete a track's steps. Drafts, other shares and
 * network use stay here (they are long, and not progress).
 */
export function carried(state: HubState, known: KnownIds): HubState {
  const refs = new Set(known.stepRefs);
  const training: TrainingProgress = {};
  for (const [id, module] of Object.entries(state.training)) if (module.passed && known.modules.includes(id)) training[id] = module;
  const checklist: ChecklistState = {};
  for (const [track, keys] of Object.entries(state.checklist)) {
    const ok = keys.filter((key) => known.tracks[track]?.includes(key));
    if (ok.length) checklist[track] = ok;
  }
  const shared: HubState['shared'] = {};
  for (const [id, item] of Object.entries(state.shared)) if (refs.has(`snippets/${id}`)) shared[id] = item;
  const out: HubState = {
    prefs: { ...state.prefs },
    training,
    checklist,
    // Only a guideline's page completes a step by being opened.
    opened: state.opened.filter((ref) => refs.has(ref) && ref.startsWith('guidelines/')),
    shared,
  };
  if (state.acknowledgement?.version === known.guidelinesVersion) out.acknowledgement = state.acknowledgement;
  if (state.activeTrack && known.tracks[state.activeTrack]) out.activeTrack = state.activeTrack;
  return out;
}

/** True when a link would carry nothing. */
export function isEmpty(state: HubState): boolean {
  return (
    Object.keys(state.prefs).length === 0 &&
    Object.keys(state.training).length === 0 &&
    Object.keys(state.checklist).length === 0 &&
    !state.acknowledgement &&
    state.opened.length === 0 &&
    Object.keys(state.shared).length === 0 &&
    !state.activeTrack
  );
}

// --- The wire format ----------------------------------------------------------

/** Short keys: the link stays short enough for a QR code a phone reads easily. */
interface Wire {
  p?: { c?: string; t?: string; m?: string; r?: string; h?: string };
  /** Module id → [best, total, passedAt]. */
  q?: Record<string, [number, number, string]>;
  k?: Record<string, string[]>;
  /** [version, at]. */
  g?: [string, string];
  o?: string[];
  /** Id → [at, network]. */
  s?: Record<string, [string, string]>;
  a?: string;
}

function toWire(state: HubState): Wire {
  const wire: Wire = {};
  const { code: c, team: t, mentor: m, role: r, mastodon: h } = state.prefs;
  const p = Object.fromEntries(Object.entries({ c, t, m, r, h }).filter(([, v]) => v));
  if (Object.keys(p).length) wire.p = p;
  const q = Object.entries(state.training).filter(([, module]) => module.passed);
  if (q.length) wire.q = Object.fromEntries(q.map(([id, module]) => [id, [module.best, module.total, module.passedAt ?? '']]));
  if (Object.keys(state.checklist).length) wire.k = state.checklist;
  if (state.acknowledgement) wire.g = [state.acknowledgement.version, state.acknowledgement.at];
  if (state.opened.length) wire.o = state.opened;
  const s = Object.entries(state.shared);
  if (s.length) wire.s = Object.fromEntries(s.map(([id, item]) => [id, [item.at, item.network]]));
  if (state.activeTrack) wire.a = state.activeTrack;
  return wire;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE, as in zip and PNG). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // Only the one spelling of these bytes: a changed last character can differ in bits base64 ignores.
  return toBase64Url(bytes) === text ? bytes : undefined;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(read.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment's value for `state` (call `carried` first). */
export async function packState(state: HubState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toWire(state)));
  const deflated = await through(json, new CompressionStream('deflate-raw'));
  const body = new Uint8Array(1 + deflated.length + 4);
  body[0] = DEVICE_VERSION;
  body.set(deflated, 1);
  new DataView(body.buffer).setUint32(body.length - 4, crc32(body.subarray(0, body.length - 4)));
  return toBase64Url(body);
}

/** The link to give the other device: `page` (this page's absolute URL) with the packed state in its fragment. */
export async function deviceLink(page: string, state: HubState): Promise<string> {
  const url = new URL(page);
  url.hash = `${DEVICE_PARAM}=${await packState(state)}`;
  return url.href;
}

/** The packed value in a fragment ("#device=…"), if it has one. */
export function packedOfHash(hash: string): string | undefined {
  const match = new RegExp(`^#?${DEVICE_PARAM}=(.*)$`, 's').exec(hash);
  return match ? match[1] : undefined;
}

export type RefusalReason = 'damaged' | 'newer' | 'malformed';

/** Why a link was refused; `detail` names the field that broke a rule. */
export interface Refusal {
  ok: false;
  reason: RefusalReason;
  detail?: string;
}

/** A link read and checked: what it restores, and the well-formed ids this hub does not know (left out). */
export interface Unpacked {
  ok: true;
  state: HubState;
  unknown: string[];
}

/** Reads a packed value; nothing here touches storage, so a refused link changes nothing. */
export async function unpackState(packed: string, known: KnownIds): Promise<Unpacked | Refusal> {
  const damaged: Refusal = { ok: false, reason: 'damaged' };
  if (packed.length > MAX_PACKED_CHARS) return damaged;
  const body = fromBase64Url(packed.trim());
  if (!body || body.length < 6) return damaged;
  const stored = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(body.length - 4);
  if (crc32(body.subarray(0, body.length - 4)) !== stored) return damaged;
  if (body[0] !== DEVICE_VERSION) return { ok: false, reason: body[0]! > DEVICE_VERSION ? 'newer' : 'damaged' };
  let wire: unknown;
  try {
    const json = await through(body.subarray(1, body.length - 4), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    wire = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return damaged;
  }
  return checkWire(wire, known);
}

// --- Checking what a link holds -------------------------------------------------

class Malformed extends Error {}
const fail = (field: string): never => {
  throw new Malformed(field);
};
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInstant = (value: unknown): value is string => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000;
const KEY_LIMIT = 200;
const NETWORK_SHAPE = /^[a-z][a-z0-9-]{0,31}$/;
const WIRE_KEYS = new Set(['p', 'q', 'k', 'g', 'o', 's', 'a']);

/** Checks every field of a decoded link: a broken pattern refuses it, an unknown id is reported and left out. */
export function checkWire(wire: unknown, known: KnownIds): Unpacked | Refusal {
  const unknown: string[] = [];
  const state: HubState = { prefs: {}, training: {}, checklist: {}, opened: [], shared: {} };
  const refs = new Set(known.stepRefs);
  try {
    if (!isRecord(wire)) fail('the link');
    const w = wire as Record<string, unknown>;
    for (const key of Object.keys(w)) if (!WIRE_KEYS.has(key)) fail(key);

    if (w.p !== undefined) {
      if (!isRecord(w.p)) fail('details');
      const p = w.p as Record<string, unknown>;
      for (const key of Object.keys(p)) if (!['c', 't', 'm', 'r', 'h'].includes(key)) fail(`details.${key}`);
      if (p.c !== undefined) state.prefs.code = (typeof p.c === 'string' && normalizeCode(p.c) === p.c ? p.c : fail('code')) as string;
      const idOf = (value: unknown, field: string, list: readonly string[], label: string) => {
        if (!isId(value)) fail(field);
        if (list.includes(value as string)) return value as string;
        unknown.push(`${label} “${value as string}”`);
        return undefined;
      };
      if (p.t !== undefined) state.prefs.team = idOf(p.t, 'team', known.teams, 'team');
      if (p.m !== undefined) state.prefs.mentor = idOf(p.m, 'mentor', known.mentors, 'mentor');
      if (p.r !== undefined) state.prefs.role = idOf(p.r, 'role', known.roles, 'role');
      if (p.h !== undefined) state.prefs.mastodon = (typeof p.h === 'string' && normalizeHost(p.h) === p.h ? p.h : fail('Mastodon server')) as string;
      for (const key of Object.keys(state.prefs) as (keyof HubState['prefs'])[]) if (state.prefs[key] === undefined) delete state.prefs[key];
    }

    if (w.q !== undefined) {
      if (!isRecord(w.q)) fail('quizzes');
      for (const [id, value] of Object.entries(w.q as Record<string, unknown>)) {
        if (!isId(id) || !Array.isArray(value) || value.length !== 3) fail('quizzes');
        const [best, total, at] = value as unknown[];
        if (!isCount(best) || !isCount(total) || best > total || (at !== '' && !isInstant(at))) fail(`quiz ${id}`);
        if (!known.modules.includes(id)) {
          unknown.push(`module “${id}”`);
          continue;
        }
        const module: ModuleProgress = { best: best as number, total: total as number, passed: true, attempts: 1 };
        if (at) module.passedAt = at as string;
        state.training[id] = module;
      }
    }

    if (w.k !== undefined) {
      if (!isRecord(w.k)) fail('steps');
      for (const [track, keys] of Object.entries(w.k as Record<string, unknown>)) {
        if (!isId(track) || !Array.isArray(keys) || !keys.every((key) => typeof key === 'string' && key.length > 0 && key.length <= KEY_LIMIT)) fail('steps');
        const steps = known.tracks[track];
        if (!steps) {
          unknown.push(`path “${track}”`);
          continue;
        }
        const ok = [...new Set(keys as string[])].filter((key) => steps.includes(key) || !unknown.push(`step “${key}” of ${track}`));
        if (ok.length) state.checklist[track] = ok;
      }
    }

    if (w.g !== undefined) {
      const g = w.g;
      if (!Array.isArray(g) || g.length !== 2 || typeof g[0] !== 'string' || !/^[a-z0-9]{1,16}$/.test(g[0]) || !isInstant(g[1])) fail('guidelines');
      const [version, at] = g as [string, string];
      if (version === known.guidelinesVersion) state.acknowledgement = { version, at };
      else unknown.push('a confirmation of guidelines since changed');
    }

    if (w.o !== undefined) {
      if (!Array.isArray(w.o)) fail('pages read');
      for (const ref of w.o as unknown[]) {
        if (typeof ref !== 'string' || ref.length > KEY_LIMIT || !ENTRY_REF_PATTERN.test(ref)) fail('pages read');
        if (refs.has(ref as string)) {
          if (!state.opened.includes(ref as string)) state.opened.push(ref as string);
        } else unknown.push(`page “${ref as string}”`);
      }
    }

    if (w.s !== undefined) {
      if (!isRecord(w.s)) fail('shares');
      for (const [id, value] of Object.entries(w.s as Record<string, unknown>)) {
        if (!isId(id) || !Array.isArray(value) || value.length !== 2 || !isInstant(value[0]) || typeof value[1] !== 'string' || !NETWORK_SHAPE.test(value[1]))
          fail('shares');
        const [at, network] = value as [string, string];
        if (refs.has(`snippets/${id}`)) state.shared[id] = { at, network };
        else unknown.push(`snippet “${id}”`);
      }
    }

    if (w.a !== undefined) {
      if (!isId(w.a)) fail('path under way');
      if (known.tracks[w.a as string]) state.activeTrack = w.a as string;
      else unknown.push(`path “${w.a as string}”`);
    }
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: 'malformed', detail: error.message };
    throw error;
  }
  return { ok: true, state, unknown: [...new Set(unknown)] };
}

// --- What a link would change, and the merge -------------------------------------

export type PrefField = keyof HubState['prefs'];
export const PREF_FIELDS: readonly PrefField[] = ['code', 'team', 'mentor', 'role', 'mastodon'];

/** One of the advocate's details, as the link has it and as this browser has it. */
export interface PrefChange {
  field: PrefField;
  link: string;
  here?: string;
  /** `new`: taken; `same`: nothing to do; `differs`: kept unless the advocate picks the link's. */
  status: 'new' | 'same' | 'differs';
}

export interface ImportPreview {
  prefs: PrefChange[];
  /** Modules the link has passed that this browser has not. */
  newPasses: string[];
  /** Modules the link has passed that this browser has passed too. */
  passesHere: string[];
  /** Per track, the ticks this browser does not have yet. */
  newTicks: Record<string, string[]>;
  /** The link's acknowledgement is restored (this browser has none of the current guidelines). */
  acknowledgement: 'new' | 'same' | 'none';
  newOpened: string[];
  newShared: string[];
  /** The link's track under way is taken (this browser has none). */
  activeTrack?: string;
  /** Nothing would change (every difference is a detail kept as it is here). */
  nothingNew: boolean;
}

export function previewImport(here: HubState, link: HubState): ImportPreview {
  const prefs: PrefChange[] = [];
  for (const field of PREF_FIELDS) {
    const value = link.prefs[field];
    if (!value) continue;
    const mine = here.prefs[field];
    prefs.push({ field, link: value, ...(mine && { here: mine }), status: !mine ? 'new' : mine === value ? 'same' : 'differs' });
  }
  const newPasses = Object.keys(link.training).filter((id) => link.training[id]!.passed && !here.training[id]?.passed);
  const passesHere = Object.keys(link.training).filter((id) => link.training[id]!.passed && here.training[id]?.passed);
  const newTicks: Record<string, string[]> = {};
  for (const [track, keys] of Object.entries(link.checklist)) {
    const fresh = keys.filter((key) => !here.checklist[track]?.includes(key));
    if (fresh.length) newTicks[track] = fresh;
  }
  const acknowledgement = !link.acknowledgement ? 'none' : here.acknowledgement?.version === link.acknowledgement.version ? 'same' : 'new';
  const newOpened = link.opened.filter((ref) => !here.opened.includes(ref));
  const newShared = Object.keys(link.shared).filter((id) => !here.shared[id]);
  const activeTrack = !here.activeTrack && link.activeTrack ? link.activeTrack : undefined;
  const preview: ImportPreview = { prefs, newPasses, passesHere, newTicks, acknowledgement, newOpened, newShared, nothingNew: false };
  if (activeTrack) preview.activeTrack = activeTrack;
  preview.nothingNew =
    !prefs.some((p) => p.status !== 'same') &&
    newPasses.length === 0 &&
    Object.keys(newTicks).length === 0 &&
    acknowledgement !== 'new' &&
    newOpened.length === 0 &&
    newShared.length === 0 &&
    !activeTrack;
  return preview;
}

/**
 * This browser's state with the link's merged in. Nothing stored is lost:
 * passes, ticks, pages read and shares are unions (what is here wins where
 * both have a record); a detail this browser has stays unless its field is
 * in `useLinks` (the advocate picked the link's one).
 */
export function mergeState(here: HubState, link: HubState, useLinks: readonly PrefField[] = []): HubState {
  const prefs = { ...here.prefs };
  for (const field of PREF_FIELDS) {
    const value = link.prefs[field];
    if (value && (!prefs[field] || useLinks.includes(field))) prefs[field] = value;
  }
  const training: TrainingProgress = { ...here.training };
  for (const [id, module] of Object.entries(link.training)) {
    const mine = training[id];
    if (mine?.passed) continue;
    // A module tried here but passed there: passed, with the best score and the attempts of both.
    const merged: ModuleProgress = mine
      ? { best: mine.total === module.total ? Math.max(mine.best, module.best) : module.best, total: module.total, passed: true, attempts: mine.attempts + 1 }
      : { ...module };
    if (module.passedAt) merged.passedAt = module.passedAt;
    training[id] = merged;
  }
  const checklist: ChecklistState = { ...here.checklist };
  for (const [track, keys] of Object.entries(link.checklist)) checklist[track] = [...new Set([...(checklist[track] ?? []), ...keys])];
  const merged: HubState = {
    prefs,
    training,
    checklist,
    opened: [...here.opened, ...link.opened.filter((ref) => !here.opened.includes(ref))],
    shared: { ...link.shared, ...here.shared },
  };
  const acknowledgement =
    here.acknowledgement && link.acknowledgement?.version !== here.acknowledgement.version && link.acknowledgement
      ? link.acknowledgement
      : (here.acknowledgement ?? link.acknowledgement);
  if (acknowledgement) merged.acknowledgement = acknowledgement;
  const activeTrack = here.activeTrack ?? link.activeTrack;
  if (activeTrack) merged.activeTrack = activeTrack;
  return merged;
}
