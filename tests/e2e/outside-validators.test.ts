/**
 * The built sample hub (dist/) under tools outside the project: the Nu Html
 * Checker (vnu-jar, one Java process over every page) and html-validate's
 * recommended preset (.htmlvalidate.mjs) find no error on any page. Warnings
 * are printed, counted by kind. The hostile corpus goes through the same
 * validators in tests/build/outside-validators.test.ts, with a broken page
 * that proves they report what they find.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/site.ts';
import { errorLines, htmlFiles, runHtmlValidate, runVnu, warningSummary } from '../support/validators.ts';

if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} has no built hub: run "npm run build:test" (or npm test) first`);
const pages = htmlFiles(DIST);

describe('the sample hub under outside validators', () => {
  // Started together: vnu in its Java process, html-validate in this one.
  const vnu = runVnu(pages);
  const htmlValidate = runHtmlValidate(pages);
  // Awaited by the tests below; a failure to start is reported there, not as an unhandled rejection before them.
  vnu.catch(() => {});
  htmlValidate.catch(() => {});

  it('has no error from the Nu Html Checker on any page', { timeout: 300_000 }, async () => {
    const findings = await vnu;
    const warnings = warningSummary(findings);
    if (warnings.length) console.info(`Nu Html Checker warnings on ${pages.length} pages:\n  ${warnings.join('\n  ')}`);
    expect(pages.length).toBeGreaterThan(40);
    expect(errorLines(findings, DIST)).toEqual([]);
  });

  it('has no error from html-validate on any page', { timeout: 300_000 }, async () => {
    const findings = await htmlValidate;
    const warnings = warningSummary(findings);
    if (warnings.length) console.info(`html-validate warnings on ${pages.length} pages:\n  ${warnings.join('\n  ')}`);
    expect(errorLines(findings, DIST)).toEqual([]);
  });
});
