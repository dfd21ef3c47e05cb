/**
 * The save in progress, between Decap's `preSave` event (cms-checks.client.ts,
 * which checks every language's file first) and the save format
 * (cms-formats.client.ts), which Decap then calls once per language of the
 * entry: the default language's version carries DEFAULT_VERSION_KEY; each
 * other language's is written only when it holds text of its own, with the
 * default's duplicated values (src/lib/cms/i18n.ts).
 */
import { DEFAULT_VERSION_KEY } from '../../../lib/cms/format.ts';
import { type I18nField, translationToWrite } from '../../../lib/cms/i18n.ts';

interface PendingSave {
  /** The default language's data, as saved. */
  source: Record<string, unknown>;
  fields: readonly I18nField[];
  /** The other languages' versions Decap will hand to the format. */
  remaining: number;
}

let pending: PendingSave | undefined;

/** Called by the save check once it lets a save of an entry in several languages go on. */
export function expectSave(save: PendingSave): void {
  pending = save.remaining > 0 ? save : undefined;
}

export function clearSave(): void {
  pending = undefined;
}

/** The format's hook: what to write of the data Decap hands it, or undefined for no file. */
export function beforeWrite(data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (data[DEFAULT_VERSION_KEY] || !pending) return data;
  const save = pending;
  if (--save.remaining <= 0) pending = undefined;
  return translationToWrite(data, save.source, save.fields);
}
