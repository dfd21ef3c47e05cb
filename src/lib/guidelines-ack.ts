/**
 * "I have read the guidelines": the acknowledgement an advocate gives once,
 * kept in the browser. It is given for a version of the guidelines (a hash
 * of their ids and update dates), so a new or updated guideline asks again.
 * Pure; src/client/guidelines-store.ts keeps it in localStorage.
 */
import { fnv1a } from './share/variant.ts';

export interface Acknowledgement {
  /** The guidelines version acknowledged. */
  version: string;
  /** When (ISO). */
  at: string;
}

/** A short, stable fingerprint of the published guidelines (FNV-1a of `id@updated`, sorted). */
export function guidelinesVersion(guidelines: readonly { id: string; updated?: Date }[]): string {
  const text = guidelines
    .map((g) => `${g.id}@${g.updated ? g.updated.toISOString().slice(0, 10) : ''}`)
    .sort()
    .join('\n');
  return fnv1a(text).toString(36);
}

const versions = new WeakMap<object, string>();

/**
 * `guidelinesVersion` of the published guidelines, computed once per list:
 * every snippet and article page shows the reminder, and all of them pass
 * the same list.
 */
export function publishedGuidelinesVersion(guidelines: readonly { id: string; data: { updated?: Date } }[]): string {
  let version = versions.get(guidelines);
  if (version === undefined) versions.set(guidelines, (version = guidelinesVersion(guidelines.map((g) => ({ id: g.id, updated: g.data.updated })))));
  return version;
}

export function parseAcknowledgement(raw: string | null): Acknowledgement | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (typeof value?.version !== 'string' || !/^[a-z0-9]{1,16}$/.test(value.version)) return undefined;
    if (typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return undefined;
    return { version: value.version, at: value.at };
  } catch {
    return undefined;
  }
}

/** The reminder shows until the current guidelines are acknowledged. */
export function isAcknowledged(ack: Acknowledgement | undefined, version: string): boolean {
  return ack !== undefined && ack.version === version;
}

export function acknowledge(version: string, at: Date): Acknowledgement {
  return { version, at: at.toISOString() };
}
