/** What the share panel remembers in the browser: drafts per item and wording, and how often each network was used. */
import { describe, expect, it } from 'vitest';
import { DRAFTS_VERSION, MAX_DRAFTS, parseDrafts, withItemDraft } from '../../src/lib/share/saved-drafts.ts';
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

  it('forget an item that holds nothing, and the least recently edited past the limit', () => {
    let drafts = withItemDraft(parseDrafts(null), 'a', draft);
    drafts = withItemDraft(drafts, 'a', { texts: {}, first: '', dropped: [], at: 9 });
    expect(drafts.items).toEqual({});
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts = withItemDraft(drafts, `item-${i}`, { ...draft, at: i });
    expect(Object.keys(drafts.items)).toHaveLength(MAX_DRAFTS);
    expect(drafts.items['item-0']).toBeUndefined();
    expect(drafts.items[`item-${MAX_DRAFTS}`]).toBeDefined();
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
