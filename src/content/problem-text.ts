/**
 * Turning zod's issues into the hub's messages: one issue per unknown field
 * (with the closest known name), and words for the issues a schema did not
 * word itself. Entries and settings.yaml report through the same two.
 */
import type { z } from 'astro/zod';
import { found } from '../model/schemas/fields.ts';
import { closest, quote } from '../model/words.ts';

export type FlatIssue = { path: PropertyKey[]; message: string };

/** One issue per unknown field, so each gets its own line and suggestion. */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): FlatIssue[] {
  return issues.flatMap((issue): FlatIssue[] => {
    if (issue.code !== 'unrecognized_keys') return [{ path: [...issue.path], message: issue.message }];
    const allowed = (issue as { allowed?: string[] }).allowed;
    return issue.keys.map((key) => {
      const hint = allowed ? closest(key, allowed) : undefined;
      return {
        path: [...issue.path, key],
        message: `is not a known field${hint ? ` (did you mean ${quote(hint)}?)` : ''}${allowed ? `; allowed fields: ${allowed.join(', ')}` : ''}`,
      };
    });
  });
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date as YYYY-MM-DD',
};

/** Messages for the issues a schema did not word itself (zod's per-parse `error`). */
export function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `${found(issue.input)}; expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys': {
      // Keep the allowed field names on the issue for `flattenIssues`.
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape) (issue as { allowed?: string[] }).allowed = Object.keys(shape);
      return 'has unknown fields';
    }
    case 'too_small':
      return `${found(issue.input)}; at least ${String(issue.minimum)} required`;
    case 'too_big':
      return `${found(issue.input)}; at most ${String(issue.maximum)} allowed`;
    case 'invalid_value':
      return `${found(issue.input)}; allowed: ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return `${found(issue.input)}, which is not allowed here`;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
