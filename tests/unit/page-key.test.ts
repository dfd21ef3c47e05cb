/**
 * The parts of an entry page's key in the incremental build (src/lib/page-key.ts):
 * the dates of the content, the interval the build's instant falls in among
 * them, and the digest of the parts; and Astro keeping the key of what a
 * rendered page read (src/hub/page-keys.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datesIn, entryDigest, pageKeyOf, timeInterval } from '../../src/lib/page-key.ts';
import { keepRenderedKeys } from '../../src/hub/page-keys.ts';

const DAY = 24 * 60 * 60 * 1000;
const OFFSETS = [0, DAY, 90 * DAY];
const at = (iso: string) => new Date(iso);

describe('datesIn', () => {
  it('finds every date of an entry, however deep, and nothing else', () => {
    const data = {
      title: '2026-12-01',
      publish: at('2026-12-01'),
      steps: [{ due: at('2026-12-10T09:00:00Z') }, { note: 'x' }],
      nested: { deeper: { expires: at('2027-01-31') } },
      broken: new Date(Number.NaN),
    };
    expect(datesIn(data).sort()).toEqual([at('2026-12-01').getTime(), at('2026-12-10T09:00:00Z').getTime(), at('2027-01-31').getTime()].sort());
  });
});

describe('timeInterval', () => {
  const dates = [at('2026-12-01').getTime(), at('2026-12-10T09:00:00Z').getTime()];

  it('is the same for two instants between the same changes', () => {
    expect(timeInterval(dates, OFFSETS, at('2026-12-03T08:00:00Z'))).toBe(timeInterval(dates, OFFSETS, at('2026-12-09T23:00:00Z')));
  });

  it('changes when a publish date is reached', () => {
    expect(timeInterval(dates, OFFSETS, at('2026-11-30T23:59:59Z'))).not.toBe(timeInterval(dates, OFFSETS, at('2026-12-01T00:00:00Z')));
    expect(timeInterval(dates, OFFSETS, at('2026-12-10T08:59:00Z'))).not.toBe(timeInterval(dates, OFFSETS, at('2026-12-10T09:00:00Z')));
  });

  it('changes the day after a bare date, when an entry that expires on it is gone', () => {
    const expires = [at('2026-12-20').getTime()];
    expect(timeInterval(expires, OFFSETS, at('2026-12-20T12:00:00Z'))).not.toBe(timeInterval(expires, OFFSETS, at('2026-12-21T00:00:00Z')));
  });

  it('changes when an entry leaves the home page’s news window, 90 days on', () => {
    const published = [at('2026-09-01').getTime()];
    expect(timeInterval(published, OFFSETS, at('2026-11-29T23:00:00Z'))).not.toBe(timeInterval(published, OFFSETS, at('2026-11-30T00:00:00Z')));
    expect(timeInterval(published, OFFSETS, at('2026-11-30T00:00:00Z'))).toBe(timeInterval(published, OFFSETS, at('2027-05-01T00:00:00Z')));
  });

  it('has open ends before the first change and after the last', () => {
    expect(timeInterval(dates, [0], at('2020-01-01'))).toBe('…/2026-12-01T00:00:00.000Z');
    expect(timeInterval(dates, [0], at('2030-01-01'))).toBe('2026-12-10T09:00:00.000Z/…');
    expect(timeInterval([], OFFSETS, at('2030-01-01'))).toBe('…/…');
  });
});

describe('pageKeyOf', () => {
  it('is the same for the same parts and tells parts apart where they join', () => {
    expect(pageKeyOf(['store', 'settings', 'interval'])).toBe(pageKeyOf(['store', 'settings', 'interval']));
    expect(pageKeyOf(['ab', 'c'])).not.toBe(pageKeyOf(['a', 'bc']));
    expect(pageKeyOf(['store', 'settings', 'interval'])).not.toBe(pageKeyOf(['store', 'settings', 'interval 2']));
  });
});

describe('entryDigest', () => {
  it("changes with the loader's digest of the file and with the data a page gets (an image's size), and with the text when there is no such digest", () => {
    const entry = { digest: 'file-1', data: { title: 'T', avatar: { src: '/a.png', width: 80 } }, body: 'Notes.' };
    const one = entryDigest(entry);
    expect(entryDigest({ ...entry })).toBe(one);
    expect(entryDigest({ ...entry, digest: 'file-2' })).not.toBe(one);
    expect(entryDigest({ ...entry, data: { title: 'T', avatar: { src: '/a.png', width: 96 } } })).not.toBe(one);
    // The loader's digest covers the text it read; without one, the text and its HTML count.
    expect(entryDigest({ ...entry, body: 'Other notes.' })).toBe(one);
    const { digest: _none, ...loose } = entry;
    expect(entryDigest({ ...loose, body: 'Other notes.' })).not.toBe(entryDigest(loose));
    expect(entryDigest({ ...loose, rendered: { html: '<p>x</p>' } })).not.toBe(entryDigest(loose));
  });
});

describe('keepRenderedKeys', () => {
  it("makes Astro keep the key of what a rendered page read, and the key it was given for any other path; wrapping again wraps Astro's own", async () => {
    const { IncrementalBuildCache } = (await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href)) as {
      IncrementalBuildCache: new (
        configHash: string,
        lockfileHash: string,
        keyDigest: string,
      ) => {
        record(component: string, dependencyHash: string, pathname: string, cacheKey: string, outputFile: string): void;
        writeManifest(settings: { config: { cacheDir: URL } }): void;
      } & { prototype: { record: { original?: unknown } } };
    };
    const proto = (IncrementalBuildCache as unknown as { prototype: { record: ((...args: unknown[]) => unknown) & { original?: (...args: unknown[]) => unknown } } })
      .prototype;
    const astros = proto.record;
    try {
      expect(await keepRenderedKeys(() => 'from an earlier build')).toBe(true);
      expect(await keepRenderedKeys((pathname) => (pathname === '/share/a/' ? 'what it read' : undefined))).toBe(true);
      expect(proto.record.original).toBe(astros);
      const cache = new IncrementalBuildCache('config', 'lockfile', 'key');
      cache.record('src/pages/share/[id].astro', 'deps', '/share/a/', 'before rendering', 'share/a/index.html');
      cache.record('src/pages/share/[id].astro', 'deps', '/share/b/', 'as given', 'share/b/index.html');
      const cacheDir = pathToFileURL(`${mkdtempSync(path.join(tmpdir(), 'hub-page-keys-'))}/`);
      cache.writeManifest({ config: { cacheDir } });
      const manifest = JSON.parse(readFileSync(new URL('incremental-build.json', cacheDir), 'utf8')) as {
        routes: Record<string, { paths: Record<string, { cacheKey: string }> }>;
      };
      const paths = manifest.routes['src/pages/share/[id].astro']!.paths;
      expect(paths['/share/a/']!.cacheKey).toBe('what it read');
      expect(paths['/share/b/']!.cacheKey).toBe('as given');
    } finally {
      proto.record = astros;
    }
  });
});
