/** Lines of fields in YAML text (src/content/locate.ts), also once the parsed document has been collected. */
import { describe, expect, it } from 'vitest';
import { locateIn } from '../../src/content/locate.ts';
import { fullCollector } from '../../src/hub/memory.ts';

const YAML = ['title: A title', 'variants:', '  - text: >-', '      first line', '      second line', '  - text: Two', 'topics: [product]'].join('\n');

describe('locateIn', () => {
  it('finds the line of a field, of an item, and of the deepest part of a path that exists', () => {
    const locator = locateIn(YAML);
    expect(locator.line(['title'])).toBe(1);
    expect(locator.line(['variants', 1, 'text'])).toBe(6);
    expect(locator.line(['variants', 0, 'missing'])).toBe(3);
    expect(locator.line(['topics', 0])).toBe(7);
    expect(locator.written(['variants', 0, 'text'])).toEqual({ text: '>-\n      first line\n      second line\n', line: 3 });
  });

  it('answers the same after a full garbage collection has let go of the parsed document', async () => {
    const gc = fullCollector();
    expect(gc).toBeTypeOf('function');
    const locator = locateIn(YAML);
    const before = [locator.line(['variants', 1, 'text']), locator.written(['title'])];
    // A weak reference holds its target until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc!();
    expect([locator.line(['variants', 1, 'text']), locator.written(['title'])]).toEqual(before);
  });
});
