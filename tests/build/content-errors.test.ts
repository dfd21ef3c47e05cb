/**
 * `npm run build` on bad content, end to end: the report reaches the
 * terminal and the build stops with exit code 1, for an entry error (the
 * content loader) and for a settings error (the hub() integration). What
 * each check reports is tested in memory, through the same report
 * (tests/unit/build-errors.test.ts and hub-config.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathShower } from '../../src/content/check.ts';
import { STACK_LINE } from '../support/build.ts';
import { built } from '../support/builds.ts';

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
