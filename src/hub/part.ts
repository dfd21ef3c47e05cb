/**
 * The hub() integration is made of parts (search index, security headers,
 * share cards, CMS), each a set of Astro hooks with a name of its own for
 * its log lines. `combineParts` runs them in order as one integration.
 */
import type { AstroIntegration } from 'astro';

export type Hooks = AstroIntegration['hooks'];

export interface HubPart {
  /** Shown before the part's log lines, e.g. `hub:search`. */
  name: string;
  hooks: Hooks;
}

type HookName = keyof Hooks & string;

/** One set of hooks that runs each part's hook in turn, with the part's own logger. */
export function combineParts(parts: readonly HubPart[]): Hooks {
  const names = new Set(parts.flatMap((part) => Object.keys(part.hooks) as HookName[]));
  const hooks: Record<string, (params: { logger: { fork(label: string): unknown } }) => Promise<void>> = {};
  for (const name of names) {
    hooks[name] = async (params) => {
      for (const part of parts) {
        const hook = part.hooks[name] as ((params: unknown) => unknown) | undefined;
        if (hook) await hook({ ...params, logger: params.logger.fork(part.name) });
      }
    };
  }
  return hooks as Hooks;
}
