/**
 * `npm run build` on bad content, end to end: the report reaches the
 * terminal and the build stops with exit code 1, for an entry error (the
 * content loader) and for a settings error (the hub() integration). What
 * each check reports is tested in memory, through the same report
 * (tests/unit/build-errors.test.ts and hub-config.test.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathShower } from '../../src/content/check.ts';
import { STACK_LINE, filesIn } from '../support/build.ts';
import { built } from '../support/builds.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('npm run build on bad content', () => {
  it('stops on an entry error with one paragraph naming file, line, field and value, the count, and no stack trace', async () => {
    const { code, output, contentDir, root } = await built('unknown-topic@2026-11-22');
    const file = pathShower(root)(path.join(contentDir, 'snippets/unknown-topic.md'));
    expect(code, output).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('snippets/unknown-topic.md'));
    expect(lines, output).toHaveLength(1);
    expect(lines[0]).toMatch(/ — field "topics\[0\]" is "sustainabilty", which is not a topic .*allowed: product, culture, events/);
    // The path as the editor finds the file, with the line of the field.
    expect(lines[0]).toContain(`${file}:5 — `);
    expect(output).toMatch(/1 content error: fix it and build again\./);
    expect(output).not.toMatch(STACK_LINE);
    // Stopped before rendering anything.
    expect(output).not.toMatch(/page\(s\) built/);
  });

  it('stops on card text in a script no card font draws, naming the file, the characters and the font package to add', async () => {
    const { code, output, contentDir, root } = await built('thai-title@2026-11-22');
    const file = pathShower(root)(path.join(contentDir, 'guidelines/thai-title.md'));
    expect(code, output).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('guidelines/thai-title.md'));
    expect(lines, output).toHaveLength(1);
    expect(lines[0]).toContain(`${file}:3 — field "title" has characters no share card font can draw: ส (U+0E2A), วั (U+0E27 U+0E31), ดี (U+0E14 U+0E35)`);
    expect(lines[0]).toContain('add @fontsource/noto-sans-thai (exact version)');
    expect(output).not.toMatch(/page\(s\) built/);
  });

  it('stops on days that do not exist, written unquoted, naming file, line, field and value, instead of publishing on other days', async () => {
    const { code, output, contentDir, root } = await built('impossible-dates@2026-11-22');
    const show = (file: string) => pathShower(root)(path.join(contentDir, file));
    expect(code, output).toBe(1);
    expect(output).toContain(
      `${show('snippets/impossible-publish.md')}:10 — field "publish" is 2026-11-31, a day that does not exist (November has 30 days); write a date as YYYY-MM-DD`,
    );
    expect(output).toContain(
      `${show('snippets/impossible-expires.md')}:11 — field "expires" is 2027-02-30, a day that does not exist (February 2027 has 28 days); write a date as YYYY-MM-DD`,
    );
    expect(output).toMatch(/2 content errors: fix them and build again\./);
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toMatch(/page\(s\) built/);
  });

  it('stops, publishing nothing, on checks that were easy to get around: spaced banned phrases, x.MD, a hidden entry, links out of the tree, a snippet in a draft campaign', async () => {
    const { code, output, contentDir, root, outDir } = await built('evasions@2026-11-22');
    const show = (file: string) => pathShower(root)(path.join(contentDir, file));
    expect(code, output).toBe(1);
    const banned = output.split('\n').filter((l) => l.includes(`${show('snippets/spaced.md')}:`) && l.includes('contains the banned phrase "best in the world"'));
    // One error per variant, each on the line of the phrase, showing how it is written.
    expect(banned.map((l) => / — field "(variants\[\d\]\.text)"/.exec(l)?.[1])).toEqual([0, 1, 2, 3, 4, 5].map((i) => `variants[${i}].text`));
    for (const written of [
      'written "best  in the world"',
      'written "best[no-break space U+00A0]in the world"',
      'written "best in[narrow no-break space U+202F]the world"',
      'written "be[zero-width space U+200B]st in the wo[zero-width non-joiner U+200C]rld"',
      'written "ｂｅｓｔ ｉｎ ｔｈｅ ｗｏｒｌｄ"',
      `${show('snippets/spaced.md')}:13 — field "variants[5].text" (variant 6) contains the banned phrase "best in the world" (settings.yaml → banned), written "best[line break U+000A]in the world"`,
    ]) {
      expect(output).toContain(written);
    }
    expect(output).toContain(`${show('snippets/shouting.MD')} — has the extension ".MD"; the hub reads only lower-case extensions, so rename it to shouting.md.`);
    expect(output).toContain(
      `${show('snippets/.hidden.md')} — is hidden (its name starts with a dot), so the hub would neither check nor publish it; rename it to hidden.md.`,
    );
    expect(output).toMatch(
      new RegExp(
        `${escape(show('snippets/linked.md'))} — is a symbolic link to \\S+/snippets/live\\.md; links are not followed .*: copy what it points to into \\S+ instead\\.`,
      ),
    );
    expect(output).toMatch(new RegExp(`${escape(show('snippets/linked-folder'))} — is a symbolic link to \\S+/articles; links are not followed`));
    expect(output).toContain(
      `${show('snippets/teaser.md')}:6 — field "campaign" points to campaigns/draft-campaign (${show('campaigns/draft-campaign.md')}), which is a draft while this entry is published; the campaign's id would be published in this snippet's links (utm_campaign)`,
    );
    expect(output).toMatch(/11 content errors: fix them and build again\./);
    expect(output).not.toMatch(STACK_LINE);
    // Stopped before rendering anything: no page, no feed, nothing of the draft campaign.
    expect(output).not.toMatch(/page\(s\) built/);
    expect(existsSync(outDir) ? filesIn(outDir).filter((f) => f.endsWith('.html') || f.endsWith('.json') || f.endsWith('.xml')) : []).toEqual([]);
  });

  it('stops on a settings error naming settings.yaml, line, field and value, and no stack trace', async () => {
    const { code, output, contentDir, root } = await built('relative-site@2026-11-22');
    expect(code, output).toBe(1);
    expect(output).toContain(`${pathShower(root)(path.join(contentDir, 'settings.yaml'))}:4 — field "site" is "voices.example.com"; expected an absolute http(s) URL`);
    expect(output).toContain('settings.yaml has errors: fix them and start again.');
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toMatch(/page\(s\) built/);
  });

  it.each([
    {
      build: 'credentials-site@2026-11-22' as const,
      message: /:5 — field "site" is "https:\/\/deploy:t0ken@hub\.fixture\.example", which holds a user name or password before "@"/,
    },
    {
      build: 'markup-site@2026-11-22' as const,
      message: /:5 — field "site" is "https:\/\/hub\.fixture\.example\/<b>hub<\/b>.*; expected an absolute http\(s\) URL the hub is served from/,
    },
  ])('stops on $build with the settings report, exit code 1 and no stack trace', async ({ build, message }) => {
    const { code, output } = await built(build);
    expect(code, output).toBe(1);
    expect(output).toMatch(message);
    expect(output).toContain('settings.yaml has errors: fix them and start again.');
    expect(output).not.toMatch(STACK_LINE);
    expect(output.split('\n').length, output).toBeLessThan(40);
    expect(output).not.toMatch(/page\(s\) built/);
  });
});
