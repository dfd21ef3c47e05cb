/**
 * The checks of settings.yaml's text, with no file access, so that the
 * build (settings.ts, which reads the file once) and Decap's save check in
 * the browser (cms-check.ts, on the text the CMS is about to write) report
 * the same problems in the same words: YAML, text safety, the schema, the
 * logo file, brand contrast.
 */
import { found } from '../model/schemas/fields.ts';
import { type Settings, settingsSchema } from '../model/schemas/settings.ts';
import { type Problem, fieldPath } from '../lib/problems.ts';
import { checkBrandContrast } from './checks/brand-contrast.ts';
import { locateIn } from './locate.ts';
import { fallbackMessage, flattenIssues, isRecord } from './problem-text.ts';
import { anchorMessage, brokenTextMessage, brokenTexts, firstAnchor } from './yaml-safety.ts';
import { parseYaml } from './yaml.ts';

export interface SettingsResult {
  /** Undefined when the file has errors. */
  settings?: Settings;
  problems: Problem[];
}

export interface SettingsTextOptions {
  /** settings.yaml as messages show it. */
  shown: string;
  /** The logo file as messages show it when it does not exist (`brand.logo` is a path under public/); undefined when it does. */
  missingLogo(logo: string): string | undefined;
}

/** The problems of settings.yaml's text `source`; `settings` is set when it has no errors. */
export function checkSettingsText(source: string, { shown, missingLogo }: SettingsTextOptions): SettingsResult {
  const problems: Problem[] = [];
  const fail = (problem: Omit<Problem, 'severity' | 'file'>): SettingsResult => ({ problems: [...problems, { severity: 'error', file: shown, ...problem }] });
  const text = source.replace(/^\uFEFF/, '');
  const anchor = firstAnchor(text);
  if (anchor) return fail({ line: anchor.line, message: anchorMessage(anchor) });
  const parsed = parseYaml(text);
  if (parsed.error) return fail({ line: parsed.error.line, message: `is not valid YAML: ${parsed.error.message}` });
  const raw = parsed.data;
  if (!isRecord(raw)) return fail({ line: 1, message: 'must hold "field: value" lines (name, organization, site, teams, topics, …)' });

  const locator = locateIn(text);
  const broken = brokenTexts(raw, text);
  if (broken.length) return { problems: broken.map((b) => ({ severity: 'error', file: shown, line: locator.line(b.path), field: fieldPath(b.path), message: brokenTextMessage(b) })) };
  const result = settingsSchema().safeParse(raw, { error: fallbackMessage });
  if (!result.success) {
    for (const issue of flattenIssues(result.error.issues)) {
      problems.push({ severity: 'error', file: shown, line: locator.line(issue.path), field: fieldPath(issue.path), message: issue.message });
    }
    return { problems };
  }
  const settings = result.data;
  const logo = settings.brand.logo;
  const missing = logo ? missingLogo(logo) : undefined;
  if (logo && missing) {
    return fail({ line: locator.line(['brand', 'logo']), field: 'brand.logo', message: `${found(logo)}, but ${missing} does not exist; add the file or remove the field` });
  }
  problems.push(...checkBrandContrast({ brand: settings.brand, file: shown, lineOf: (at) => locator.line(at) }));
  return { settings, problems };
}
