import { describe, expect, it } from 'vitest';
import { trainingSchema } from '../../src/model/schemas/training.ts';
import type { SchemaContext } from '../../src/model/schemas/context.ts';

const schema = trainingSchema({} as SchemaContext);
const module = (question: Record<string, unknown>) => ({
  title: 'T',
  summary: 'S',
  order: 1,
  level: 'starter',
  role: 'all',
  minutes: 5,
  objectives: ['O'],
  quiz: [{ question: 'Q?', options: ['A', 'B', 'C'], answer: 1, explain: 'Because B.', ...question }],
});

describe('a quiz question’s "why" (one line per option)', () => {
  it('is optional', () => {
    expect(schema.safeParse(module({})).success).toBe(true);
  });

  it('is accepted with one line per option', () => {
    const parsed = schema.safeParse(module({ why: ['A is too soon.', 'B is it.', 'C is too late.'] }));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.quiz?.[0]?.why).toEqual(['A is too soon.', 'B is it.', 'C is too late.']);
  });

  it('is refused with another number of lines, saying how many are allowed', () => {
    const parsed = schema.safeParse(module({ why: ['A is too soon.', 'B is it.'] }));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['quiz', 0, 'why']);
    expect(issue.message).toBe('has 2 lines, but there are 3 options; allowed: one line per option, in the same order');
  });

  it('is refused with an empty line', () => {
    expect(schema.safeParse(module({ why: ['A is too soon.', '', 'C is too late.'] })).success).toBe(false);
  });
});
