import { describe, expect, it } from 'vitest';
import {
  checklistProgress,
  chosenMentor,
  matchesTeam,
  onboardingLink,
  parseChecklist,
  setStepDone,
  stepKeys,
  visibleItems,
  withoutPresets,
} from '../../src/lib/onboarding.ts';

describe('onboarding links', () => {
  const track = 'https://voices.example.com/start/sales-advocates/';

  it('carries mentor, team and ref in the order of the content model', () => {
    expect(onboardingLink(track, { mentor: 'priya-raman', team: 'sales', ref: 'ana7' }, { mentor: 'lucas-brandt' })).toBe(
      'https://voices.example.com/start/sales-advocates/?mentor=priya-raman&team=sales&ref=ana7',
    );
  });

  it('leaves out the track’s own mentor, empty choices and a code that cannot be one', () => {
    expect(onboardingLink(track, { mentor: 'lucas-brandt', team: '', ref: 'a b' }, { mentor: 'lucas-brandt' })).toBe(track);
    expect(onboardingLink(track, { team: 'sales' })).toBe(`${track}?team=sales`);
  });

  it('works on a path, keeping the base', () => {
    expect(onboardingLink('/hub/start/x/', { team: 'support' })).toBe('/hub/start/x/?team=support');
  });

  it('strips the presets from an address once they are stored, keeping other parameters', () => {
    expect(withoutPresets('?mentor=a&team=b&ref=c')).toBe('');
    expect(withoutPresets('?ref=c&utm_source=x')).toBe('?utm_source=x');
  });

  it('shows the chosen mentor when it is a mentor, otherwise the track’s', () => {
    expect(chosenMentor('priya-raman', 'lucas-brandt', ['priya-raman', 'lucas-brandt'])).toBe('priya-raman');
    expect(chosenMentor('samuel-adeyemi', 'lucas-brandt', ['priya-raman', 'lucas-brandt'])).toBe('lucas-brandt');
    expect(chosenMentor(undefined, undefined, [])).toBeUndefined();
  });
});

describe('the checklist of a track', () => {
  const steps = [{ ref: 'guidelines/add-value' }, { task: 'Add your photo — and a headline!' }, { ref: 'guidelines/add-value' }, { task: 'Ask Ana' }];

  it('keys steps by what they are, so ticks survive reordering', () => {
    expect(stepKeys(steps)).toEqual(['ref:guidelines/add-value', 'task:add-your-photo-and-a-headline', 'ref:guidelines/add-value#2', 'task:ask-ana']);
    expect(stepKeys([steps[3]!, steps[0]!])).toEqual(['task:ask-ana', 'ref:guidelines/add-value']);
  });

  it('ticks and unticks steps per track, and counts only steps the track still has', () => {
    const keys = stepKeys(steps);
    let state = setStepDone({}, 'sales', keys[0]!, true);
    state = setStepDone(state, 'sales', keys[1]!, true);
    state = setStepDone(state, 'sales', keys[1]!, true);
    state = setStepDone(state, 'other', keys[0]!, true);
    expect(checklistProgress(keys, state.sales)).toEqual({ done: 2, total: 4, complete: false });
    state = setStepDone(state, 'sales', keys[0]!, false);
    expect(state.sales).toEqual([keys[1]]);
    expect(checklistProgress(keys, [...keys, 'task:removed-step'])).toEqual({ done: 4, total: 4, complete: true });
    expect(checklistProgress(keys)).toEqual({ done: 0, total: 4, complete: false });
  });

  it('reads stored state defensively', () => {
    expect(parseChecklist('{"sales":["a","a",3,""],"Bad Id":["x"],"x":"y"}')).toEqual({ sales: ['a'] });
    for (const raw of [null, 'nope', '[]', '1']) expect(parseChecklist(raw)).toEqual({});
  });
});

describe('the team filter of snippet lists', () => {
  it('shows a team’s snippets and the ones for all; no team shows everything', () => {
    expect(matchesTeam(['sales', 'marketing'], 'sales')).toBe(true);
    expect(matchesTeam(['all'], 'sales')).toBe(true);
    expect(matchesTeam(['engineering'], 'sales')).toBe(false);
    expect(matchesTeam(['engineering'], undefined)).toBe(true);
    expect(matchesTeam(['engineering'], 'all')).toBe(true);
  });

  it('shows at most `limit` matching items, in list order', () => {
    const lists = [['sales'], ['engineering'], ['all'], ['sales'], ['support']];
    expect(visibleItems(lists, 'sales')).toEqual([true, false, true, true, false]);
    expect(visibleItems(lists, 'sales', 2)).toEqual([true, false, true, false, false]);
    expect(visibleItems(lists, undefined, 3)).toEqual([true, true, true, false, false]);
  });
});
