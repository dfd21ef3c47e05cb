/** What the share panel remembers in the browser: drafts per item and wording, and how often each network was used. */
import { describe, expect, it } from 'vitest';
import { DRAFTS_VERSION, type ItemDraft, MAX_DRAFTS, parseDrafts, withItemDraft } from '../../src/lib/share/saved-drafts.ts';
import { byUse, parseNetworkUse, usedOnce } from '../../src/lib/share/network-use.ts';
import { NETWORK_IDS } from '../../src/model/networks.ts';

describe('saved drafts', () => {
  const draft = { texts: { '1': 'My words.' }, first: 'I was there.', dropped: ['HeatPumps'], last: 1, at: 5 };

  it('round-trip through storage', () => {
    const drafts = withItemDraft(parseDrafts(null), 'winter-checklist', draft);
    expect(parseDrafts(JSON.stringify(drafts))).toEqual({ v: DRAFTS_VERSION, items: { 'winter-checklist': draft } });
  });

  it('keep only what has the right shape, and nothing from another version', () => {
    expect(parseDrafts('not json').items).toEqual({});
    expect(parseDrafts('{"v":2,"items":{"a":{"texts":{"0":"x"},"at":1}}}').items).toEqual({});
    const raw = JSON.stringify({
      v: 1,
      items: {
        'Bad Id!': { texts: { '0': 'x' }, at: 1 },
        ok: { texts: { '0': 'kept', x: 'index is not a number', '2': 42 }, first: 7, dropped: ['A', 3], last: -1, at: 'soon' },
      },
    });
    expect(parseDrafts(raw).items).toEqual({ ok: { texts: { '0': 'kept' }, dropped: ['A'], at: 0 } });
  });

  it('forget an item that holds nothing, and past the limit the least recently changed that hold only choices, never typed words', () => {
    let drafts = withItemDraft(parseDrafts(null), 'a', draft);
    drafts = withItemDraft(drafts, 'a', { texts: {}, first: '', dropped: [], at: 9 });
    expect(drafts.items).toEqual({});
    const choice: ItemDraft = { texts: {}, last: 1, at: 0 };
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts = withItemDraft(drafts, `item-${i}`, { ...choice, at: i });
    expect(Object.keys(drafts.items)).toHaveLength(MAX_DRAFTS);
    expect(drafts.items['item-0']).toBeUndefined();
    expect(drafts.items[`item-${MAX_DRAFTS}`]).toBeDefined();
    // Typed words stay, however many and however old: the oldest choice goes instead.
    drafts = withItemDraft(drafts, 'typed-old', { ...draft, at: -5 });
    expect(drafts.items['typed-old']).toEqual({ ...draft, at: -5 });
    expect(drafts.items['item-1']).toBeUndefined();
    let typed = parseDrafts(null);
    for (let i = 0; i <= MAX_DRAFTS; i++) typed = withItemDraft(typed, `typed-${i}`, { ...draft, at: i });
    expect(Object.keys(typed.items)).toHaveLength(MAX_DRAFTS + 1);
  });
});

describe('network use', () => {
  it('puts the most used networks first, the hub order breaking ties and standing before any use', () => {
    expect(byUse(NETWORK_IDS, parseNetworkUse(null))).toEqual([...NETWORK_IDS]);
    let use = usedOnce(usedOnce(usedOnce(parseNetworkUse(null), 'whatsapp'), 'whatsapp'), 'telegram');
    expect(byUse(NETWORK_IDS, use).slice(0, 4)).toEqual(['whatsapp', 'telegram', 'linkedin', 'x']);
    use = parseNetworkUse(JSON.stringify(use));
    expect(use.counts).toEqual({ whatsapp: 2, telegram: 1 });
  });

  it('ignores what is not a network or not a count', () => {
    expect(parseNetworkUse('{"v":1,"counts":{"myspace":3,"x":-1,"bluesky":1.5,"email":2}}').counts).toEqual({ email: 2 });
    expect(parseNetworkUse('{"counts":{"x":1}}').counts).toEqual({});
  });
});
