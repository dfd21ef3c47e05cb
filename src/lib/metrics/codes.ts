/**
 * Advocate codes on people (`code:`), which map utm_content to a person.
 * Codes match without regard to case: Matomo lowercases campaign values,
 * and a code typed in capitals is the same code.
 */
import type { Problem } from '../problems.ts';
import { fieldPath } from '../problems.ts';
import { quote } from '../../model/words.ts';
import type { Advocate } from './aggregate.ts';

/** What the code checks and the impact page need to know of a person. */
export interface PersonCodes {
  id: string;
  name: string;
  team: string;
  codes: readonly string[];
  recognize: boolean;
  /** Only a published person can be named. */
  published: boolean;
  /** For messages: the file as shown, and the line of a field. */
  file?: string;
  lineOf?(path: readonly PropertyKey[]): number | undefined;
}

export const codeKey = (code: string) => code.trim().toLowerCase();

/** Lowercased code → the person it belongs to (the first one, should a code be claimed twice). */
export function advocatesByCode(people: readonly PersonCodes[]): Map<string, Advocate> {
  const index = new Map<string, Advocate>();
  for (const person of people) {
    for (const code of person.codes) {
      const key = codeKey(code);
      if (!index.has(key)) index.set(key, { person: person.id, team: person.team, recognize: person.recognize && person.published });
    }
  }
  return index;
}

/** A code claimed by two people is an error naming both files; consent without a code is a warning. */
export function checkCodes(people: readonly PersonCodes[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, PersonCodes>();
  for (const person of people) {
    const file = person.file ?? person.id;
    const mine = new Set<string>();
    person.codes.forEach((code, index) => {
      const key = codeKey(code);
      const path = person.codes.length === 1 ? ['code'] : ['code', index];
      const at = { file, line: person.lineOf?.(path), field: fieldPath(path) };
      if (mine.has(key)) {
        problems.push({ severity: 'warning', ...at, message: `is ${quote(code)}, which this person already lists; remove the repeat` });
        return;
      }
      mine.add(key);
      const owner = owners.get(key);
      if (owner) {
        problems.push({
          severity: 'error',
          ...at,
          message: `is ${quote(code)}, which is already the code of ${owner.name} in ${owner.file ?? owner.id} (codes match without regard to case); each code belongs to one person, so pick another`,
        });
      } else {
        owners.set(key, person);
      }
    });
    if (person.recognize && person.codes.length === 0) {
      problems.push({
        severity: 'warning',
        file,
        line: person.lineOf?.(['recognize']),
        field: 'recognize',
        message: 'is true, but this person has no code, so the impact page has nothing to recognise them for; add their advocate code as "code"',
      });
    }
  }
  return problems;
}
