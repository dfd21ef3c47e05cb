/**
 * The save in progress, between Decap's `preSave` event (cms-checks.client.ts,
 * which checks every language's file first) and the save format
 * (cms-formats.client.ts), which Decap then calls once per language of the
 * entry: the default language's version carries DEFAULT_VERSION_KEY; each
 * other language's is written only when it holds text of its own, with the
 * default's duplicated values (src/lib/cms/i18n.ts). The format returns
 * NO_FILE for the others, and the backend drops those before committing.
 */
import { DEFAULT_VERSION_KEY, NO_FILE } from './format.ts';
import { type I18nField, translationToWrite } from './i18n.ts';

interface PendingSave {
  /** The default language's data, as saved. */
  source: Record<string, unknown>;
  fields: readonly I18nField[];
}

let pending: PendingSave | undefined;

/** Called by the save check once it lets a save of an entry in several languages go on; Decap's postSave clears it. */
export function expectSave(save: PendingSave): void {
  pending = save;
}

export function clearSave(): void {
  pending = undefined;
}

/** The format's hook: what to write of the data Decap hands it, or undefined for no file. */
export function beforeWrite(data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (data[DEFAULT_VERSION_KEY] || !pending) return data;
  return translationToWrite(data, pending.source, pending.fields);
}

interface DataFile {
  path: string;
  raw: string;
}
interface BackendImplementation {
  persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown>;
}
interface Cms {
  getBackend?(name: string): { init(...args: unknown[]): BackendImplementation } | undefined;
}

/** Decap's backends the generated configuration may name (src/lib/cms/backend.ts). */
const BACKENDS = ['proxy', 'github', 'git-gateway', 'gitlab', 'gitea', 'bitbucket', 'azure', 'test-repo'];

/**
 * Wraps each backend Decap registered so that a save commits no file the format left unwritten:
 * Decap's own filter lets any text through, and an empty one gets a line break (backend.ts entryToRaw).
 */
export function dropUnwrittenFiles(cms: Cms): void {
  for (const name of BACKENDS) {
    const registered = cms.getBackend?.(name);
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args) => {
      const backend = init(...args);
      const persist = backend.persistEntry.bind(backend);
      backend.persistEntry = (entry, options) => persist({ ...entry, dataFiles: entry.dataFiles.filter((file) => file.raw !== NO_FILE) }, options);
      return backend;
    };
  }
}
