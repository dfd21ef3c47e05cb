import { describe, expect, it } from 'vitest';
import {
  NO_EVIDENCE,
  type PathEvidence,
  autoDone,
  mayContinue,
  parseActiveTrack,
  parseOpened,
  pathLink,
  pathState,
  pathToContinue,
  trackOfSearch,
  withOpened,
} from '../../src/lib/track-progress.ts';
import { parseSharedItems, sharedOnce } from '../../src/lib/share/shared-items.ts';
import type { ChecklistState } from '../../src/lib/onboarding.ts';

const steps = [
  { key: 'ref:guidelines/say-what-is-opinion', ref: 'guidelines/say-what-is-opinion', label: 'Say what is opinion' },
  { key: 'ref:training/listening-first', ref: 'training/listening-first', label: 'Listening first' },
  { key: 'ref:articles/comments', ref: 'articles/comments', label: 'The comments' },
  { key: 'task:answer-one-question', label: 'Answer one question' },
  { key: 'ref:snippets/heat-pump-myths', ref: 'snippets/heat-pump-myths', label: 'Heat pump myths' },
];
const evidence = (over: Partial<PathEvidence>): PathEvidence => ({ ...NO_EVIDENCE, ...over });

describe('steps that complete themselves', () => {
  it('a module step when its quiz is passed, a guideline step when opened or acknowledged, a snippet step when shared', () => {
    expect(autoDone('training/listening-first', evidence({ passed: ['listening-first'] }))).toBe('quiz');
    expect(autoDone('training/listening-first', evidence({ passed: ['other'] }))).toBeUndefined();
    expect(autoDone('guidelines/say-what-is-opinion', evidence({ opened: ['guidelines/say-what-is-opinion'] }))).toBe('opened');
    expect(autoDone('guidelines/say-what-is-opinion', evidence({ acknowledged: true }))).toBe('acknowledged');
    expect(autoDone('guidelines/say-what-is-opinion', evidence({ opened: ['training/say-what-is-opinion'] }))).toBeUndefined();
    expect(autoDone('snippets/heat-pump-myths', evidence({ shared: ['heat-pump-myths'] }))).toBe('shared');
  });

  it('tasks and other steps stay manual, whatever the advocate did', () => {
    const all = evidence({ passed: ['x'], acknowledged: true, opened: ['articles/comments'], shared: ['comments'] });
    expect(autoDone(undefined, all)).toBeUndefined();
    expect(autoDone('articles/comments', all)).toBeUndefined();
  });

  it('counts manual ticks and done steps together, never loses a tick, and names the next step', () => {
    const state = pathState(
      steps,
      ['task:answer-one-question', 'ref:training/listening-first', 'ref:gone/step'],
      evidence({ passed: ['listening-first'], shared: ['heat-pump-myths'] }),
    );
    expect([...state.doneKeys].sort()).toEqual(['ref:snippets/heat-pump-myths', 'ref:training/listening-first', 'task:answer-one-question']);
    expect(state).toMatchObject({ done: 3, total: 5, complete: false, next: steps[0] });
    expect([...state.auto]).toEqual([
      ['ref:training/listening-first', 'quiz'],
      ['ref:snippets/heat-pump-myths', 'shared'],
    ]);
    const all = pathState(
      steps,
      ['ref:articles/comments', 'task:answer-one-question'],
      evidence({ passed: ['listening-first'], acknowledged: true, shared: ['heat-pump-myths'] }),
    );
    expect(all).toMatchObject({ done: 5, total: 5, complete: true, next: undefined });
  });
});

describe('the path to continue', () => {
  const tracks = [
    { id: 'everyone', title: 'Everyone', href: '/start/everyone/', steps: steps.slice(0, 2) },
    { id: 'sales', title: 'Sales', href: '/start/sales/', steps },
  ];

  it('is the active track while it is not complete, else a started one; nothing when none is under way', () => {
    expect(pathToContinue(tracks, {}, NO_EVIDENCE, undefined)).toBeUndefined();
    expect(pathToContinue(tracks, {}, NO_EVIDENCE, 'sales')).toMatchObject({ track: { id: 'sales' }, state: { done: 0, total: 5 } });
    const done = evidence({ passed: ['listening-first'], acknowledged: true });
    expect(pathToContinue(tracks, { sales: ['task:answer-one-question'] }, done, 'everyone')).toMatchObject({ track: { id: 'sales' }, state: { done: 3, total: 5 } });
    expect(pathToContinue(tracks, {}, done, 'everyone')).toBeUndefined();
    expect(pathToContinue(tracks, {}, NO_EVIDENCE, 'gone')).toBeUndefined();
  });

  it('needs the tracks only when one is active or ticked: otherwise there is nothing to continue, whatever the tracks', () => {
    expect(mayContinue({}, undefined)).toBe(false);
    expect(mayContinue({ sales: [] }, undefined)).toBe(false);
    expect(mayContinue({}, 'sales')).toBe(true);
    expect(mayContinue({ sales: ['task:answer-one-question'] }, undefined)).toBe(true);
    // Agrees with pathToContinue: where mayContinue says no, no track is offered even with everything done elsewhere.
    const done = evidence({ passed: ['listening-first'], acknowledged: true, opened: ['articles/comments'] });
    const unstarted: ChecklistState[] = [{}, { sales: [] }];
    for (const checklist of unstarted) {
      expect(mayContinue(checklist, undefined)).toBe(false);
      expect(pathToContinue(tracks, checklist, done, undefined)).toBeUndefined();
    }
  });

  it('carries the track in step links and reads it back, refusing what cannot be an id', () => {
    expect(pathLink('/training/x/', 'sales-advocates')).toBe('/training/x/?track=sales-advocates');
    expect(pathLink('/share/x/?v=2', 'sales')).toBe('/share/x/?v=2&track=sales');
    expect(trackOfSearch('?track=sales-advocates&x=1')).toBe('sales-advocates');
    expect(trackOfSearch('?track=../evil')).toBeUndefined();
    expect(trackOfSearch('')).toBeUndefined();
  });
});

describe('what the stores keep', () => {
  it('opened pages: valid refs only, newest last, no repeats', () => {
    expect(parseOpened('["guidelines/a","nope","training/../x",3,"guidelines/a"]')).toEqual(['guidelines/a']);
    expect(parseOpened('not json')).toEqual([]);
    expect(withOpened(['guidelines/a', 'training/b'], 'guidelines/a')).toEqual(['training/b', 'guidelines/a']);
  });

  it('the active track: an id or nothing', () => {
    expect(parseActiveTrack('"sales"')).toBe('sales');
    expect(parseActiveTrack('"<b>"')).toBeUndefined();
    expect(parseActiveTrack('{')).toBeUndefined();
  });

  it('shared items: what was shared where and when, checked on read', () => {
    const at = new Date('2026-11-22T10:00:00Z');
    const shared = sharedOnce(parseSharedItems(null), 'heat-pump-myths', 'linkedin', at);
    expect(shared).toEqual({ v: 1, items: { 'heat-pump-myths': { at: '2026-11-22T10:00:00.000Z', network: 'linkedin' } } });
    expect(parseSharedItems(JSON.stringify(shared))).toEqual(shared);
    expect(parseSharedItems('{"v":1,"items":{"x":{"at":"2026-11-22","network":"<b>"},"<y>":{"at":"2026-11-22","network":"x"}}}').items).toEqual({});
    expect(parseSharedItems('{"v":2,"items":{}}').items).toEqual({});
  });
});
