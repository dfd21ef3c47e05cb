import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { dateOrder, entryRef, expect, list, oneOf, position, publishingFields, text } from './fields.ts';
import { ROLES } from './people.ts';

export const LEVELS = ['starter', 'practitioner', 'expert'] as const;

/** The most options a quiz question may offer. */
export const MAX_OPTIONS = 10;

const question = z
  .strictObject(
    {
      question: text(500),
      /** The choices, 2 to 10. */
      options: list(text(300), 2).max(MAX_OPTIONS, {
        error: (iss) => `has ${Array.isArray(iss.input) ? iss.input.length : 'too many'} options; at most ${MAX_OPTIONS} are allowed`,
      }),
      /** 0-based index of the right option (the CMS offers "1st option", "2nd option", …). */
      answer: z
        .number({ error: expect('the 0-based index of the right option, e.g. 1') })
        .int({ error: expect('a whole number') })
        .min(0, { error: expect('0 or more') })
        .meta({ indexOf: 'options' }),
      /** Why the right answer is right, shown after checking. */
      explain: text(1000),
      /**
       * Why each option is right or wrong, one per option in the same order: a
       * wrong pick shows its own line, so the learner can think again without
       * being told the answer. Default: none (a wrong pick says only "not quite").
       */
      why: list(text(500)).optional(),
    },
    { error: expect('a question with question, options, answer and explain (and optionally why)') },
  )
  .superRefine((q, ctx) => {
    if (q.why && q.why.length !== q.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['why'],
        input: q.why,
        message: `has ${q.why.length} line${q.why.length === 1 ? '' : 's'}, but there ${q.options.length === 1 ? 'is 1 option' : `are ${q.options.length} options`}; allowed: one line per option, in the same order`,
      });
    }
    if (q.answer >= q.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        input: q.answer,
        message: `is ${q.answer}, but there ${q.options.length === 1 ? 'is 1 option' : `are ${q.options.length} options`}; answer counts from 0, so allowed: 0 to ${q.options.length - 1}`,
      });
    }
  });

export function trainingSchema({ ids }: SchemaContext) {
  return z
    .strictObject({
      title: text(160),
      summary: text(300),
      /** Position in the training list; lower comes first. */
      order: position(),
      level: oneOf(LEVELS, 'a level'),
      /** The advocacy role this module trains, or "all". */
      role: oneOf(['all', ...ROLES] as const, 'an advocacy role'),
      /** Minutes the module takes. */
      minutes: z
        .number({ error: expect('a number of minutes such as 10') })
        .int({ error: expect('whole minutes') })
        .min(1, { error: expect('at least 1 minute') })
        .max(600, { error: expect('at most 600 minutes') }),
      /** What the learner can do afterwards; at least 1. */
      objectives: list(text(300), 1),
      /** Modules to take first (ids from content/training). Default: none. */
      requires: list(entryRef('training', ids?.training)).default([]),
      /** Questions checked in the browser. Default: no quiz. */
      quiz: list(question).optional(),
      ...publishingFields(),
    })
    .superRefine((module, ctx) => {
      dateOrder(ctx, { field: 'expires', date: module.expires }, { field: 'publish', date: module.publish });
    });
}
