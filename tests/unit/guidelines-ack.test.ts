import { describe, expect, it } from 'vitest';
import { acknowledge, guidelinesVersion, isAcknowledged, parseAcknowledgement } from '../../src/lib/guidelines-ack.ts';

const guidelines = [{ id: 'add-value', updated: new Date('2026-09-01') }, { id: 'respect-others' }];

describe('the guidelines acknowledgement', () => {
  it('is given for a version that changes when a guideline is added or updated, not when they are reordered', () => {
    const version = guidelinesVersion(guidelines);
    expect(version).toMatch(/^[a-z0-9]{1,16}$/);
    expect(guidelinesVersion([...guidelines].reverse())).toBe(version);
    expect(guidelinesVersion([...guidelines, { id: 'new-one' }])).not.toBe(version);
    expect(guidelinesVersion([{ ...guidelines[0]!, updated: new Date('2026-12-01') }, guidelines[1]!])).not.toBe(version);
  });

  it('removes the reminder for that version only', () => {
    const version = guidelinesVersion(guidelines);
    const ack = acknowledge(version, new Date('2026-11-22T10:00:00Z'));
    expect(isAcknowledged(ack, version)).toBe(true);
    expect(isAcknowledged(ack, guidelinesVersion([{ id: 'other' }]))).toBe(false);
    expect(isAcknowledged(undefined, version)).toBe(false);
  });

  it('round-trips through storage and ignores anything else', () => {
    const ack = acknowledge('abc123', new Date('2026-11-22T10:00:00Z'));
    expect(parseAcknowledgement(JSON.stringify(ack))).toEqual(ack);
    for (const raw of [null, '', 'x', '{"version":"<b>","at":"2026-01-01"}', '{"version":"abc","at":"never"}', 'null']) {
      expect(parseAcknowledgement(raw), String(raw)).toBeUndefined();
    }
  });
});
