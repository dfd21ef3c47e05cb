import { z } from 'astro/zod';
import { COLLECTIONS } from '../collections.ts';
import { ID_PATTERN, ID_RULE } from '../ids.ts';
import { type SchemaContext, tuple } from './context.ts';
import { dateOrder, entryRef, expect, found, list, oneOf, publishingFields, text } from './fields.ts';
import { closest, quote } from '../words.ts';

/** A step's `ref`: "collection/id" of any entry. */
function stepRef(ids: SchemaContext['ids']) {
  const all = ids ? COLLECTIONS.flatMap((collection) => [...ids[collection]].map((id) => `${collection}/${id}`)) : [];
  return z
    .string({ error: expect('"collection/id", e.g. guidelines/add-value') })
    .trim()
    .superRefine((ref, ctx) => {
      const [collection, id, ...rest] = ref.split('/');
      let problem: string | undefined;
      if (!collection || !id || rest.length) problem = `${found(ref)}; expected "collection/id", e.g. guidelines/add-value`;
      else if (!(COLLECTIONS as readonly string[]).includes(collection))
        problem = `${found(ref)}, but ${quote(collection)} is not a collection; allowed: ${COLLECTIONS.join(', ')}`;
      else if (!ID_PATTERN.test(id)) problem = `${found(ref)}; the id after "/" is ${ID_RULE}`;
      else if (ids && !ids[collection as keyof typeof ids].has(id)) {
        const hint = closest(ref, all);
        problem = `${found(ref)}, which is not an entry of ${collection}${hint ? ` (did you mean ${quote(hint)}?)` : ''}`;
      }
      if (problem) ctx.addIssue({ code: 'custom', input: ref, message: problem });
    })
    .meta({ ref: '*' });
}

export function trackSchema({ settings, ids }: SchemaContext) {
  const step = z
    .strictObject(
      {
        /** An entry to open: "collection/id". */
        ref: stepRef(ids).optional(),
        /** A task to tick off, in one sentence. */
        task: text(300).optional(),
      },
      { error: expect('a step: { ref: guidelines/add-value } or { task: "…" }') },
    )
    .superRefine((s, ctx) => {
      if ((s.ref === undefined) === (s.task === undefined)) {
        ctx.addIssue({
          code: 'custom',
          input: s,
          message: `${s.ref === undefined ? 'has neither ref nor task' : 'has both ref and task'}; each step needs exactly one: { ref: collection/id } or { task: "…" }`,
        });
      }
    });
  return z
    .strictObject({
      title: text(120),
      summary: text(300),
      /** The team this track prepares; its snippet lists default to it. Default: none. */
      team: oneOf(tuple(settings.teams), 'a team from settings.yaml').optional(),
      /** Default mentor (a person with mentor: true). Default: none. */
      mentor: entryRef('people', ids?.people)
        .meta({ ref: 'people', where: { mentor: true } })
        .optional(),
      /** The path, in order; at least 1. */
      steps: list(step, 1),
      ...publishingFields(),
    })
    .superRefine((track, ctx) => {
      dateOrder(ctx, { field: 'expires', date: track.expires }, { field: 'publish', date: track.publish });
    });
}
