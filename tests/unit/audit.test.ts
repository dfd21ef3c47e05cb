import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exceptionsFileSchema, judge, readAuditOutput, type AuditException, type Finding } from '../../scripts/lib/audit.ts';
import { PROJECT } from '../support/build.ts';

/** The shape npm 7 and later print for `npm audit --json` (auditReportVersion 2). */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'example-parser': {
      name: 'example-parser',
      severity: 'high',
      isDirect: false,
      via: [
        {
          source: 1099001,
          name: 'example-parser',
          dependency: 'example-parser',
          title: 'Prototype pollution in parse()',
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
          severity: 'high',
          range: '<2.0.3',
        },
        {
          source: 1099002,
          name: 'example-parser',
          dependency: 'example-parser',
          title: 'ReDoS in the tokenizer',
          url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff',
          severity: 'moderate',
          range: '<2.1.0',
        },
      ],
      effects: ['example-wrapper'],
      range: '<2.1.0',
      nodes: ['node_modules/example-parser'],
      fixAvailable: true,
    },
    'example-wrapper': {
      name: 'example-wrapper',
      severity: 'high',
      isDirect: true,
      via: ['example-parser'],
      effects: [],
      range: '*',
      nodes: ['node_modules/example-wrapper'],
      fixAvailable: true,
    },
    'example-cli': {
      name: 'example-cli',
      severity: 'critical',
      isDirect: true,
      via: [
        {
          source: 1099003,
          name: 'example-cli',
          title: 'Command injection',
          url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii',
          severity: 'critical',
          range: '<1.4.0',
        },
      ],
      effects: [],
      range: '<1.4.0',
      nodes: ['node_modules/example-cli'],
      fixAvailable: false,
    },
  },
  metadata: {
    vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 1, total: 4 },
    dependencies: { prod: 412, dev: 700, optional: 30, peer: 0, peerOptional: 0, total: 1140 },
  },
};

const exception = (overrides: Partial<AuditException> = {}): AuditException => ({
  advisory: 'GHSA-gggg-hhhh-iiii',
  package: 'example-cli',
  reason: 'Only reachable through the --exec flag, which the hub never passes.',
  by: 'Security reviewer',
  added: '2026-11-01',
  expires: '2027-02-01',
  ...overrides,
});

describe('reading npm audit', () => {
  it('lists each advisory once, with its package, severity and GHSA id, and the counts', () => {
    const outcome = readAuditOutput(JSON.stringify(report));
    expect(outcome).toMatchObject({ kind: 'audited', dependencies: 412, counts: { critical: 1, high: 2, moderate: 1 } });
    if (outcome.kind !== 'audited') throw new Error('unreachable');
    expect(outcome.findings.map((f) => `${f.severity} ${f.advisory} ${f.package}`)).toEqual([
      'high GHSA-aaaa-bbbb-cccc example-parser',
      'moderate GHSA-dddd-eeee-ffff example-parser',
      'critical GHSA-gggg-hhhh-iiii example-cli',
    ]);
  });

  it('says the advisory service was unreachable, never "no findings", when npm could not ask it', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', method: 'POST', statusCode: 405, body: '' };
    expect(readAuditOutput(JSON.stringify(refused))).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(readAuditOutput('', 'npm error code ENOTFOUND\nnpm error network request failed')).toEqual({ kind: 'unreachable', reason: 'npm error code ENOTFOUND' });
    expect(readAuditOutput(JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'Your configured registry does not support audit requests.' } }))).toMatchObject({
      kind: 'unreachable',
    });
  });
});

describe('judging findings against the exception list', () => {
  const outcome = readAuditOutput(JSON.stringify(report));
  const findings: Finding[] = outcome.kind === 'audited' ? outcome.findings : [];

  it('fails on every high or critical advisory without an exception; moderate ones do not block', () => {
    expect(judge(findings, [], '2026-11-22').blocking.map((f) => f.advisory)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-gggg-hhhh-iiii']);
  });

  it('accepts one that a dated exception covers, until it expires', () => {
    const verdict = judge(findings, [exception()], '2026-11-22');
    expect(verdict.blocking.map((f) => f.advisory)).toEqual(['GHSA-aaaa-bbbb-cccc']);
    expect(verdict.accepted.map((a) => a.finding.advisory)).toEqual(['GHSA-gggg-hhhh-iiii']);
    const later = judge(findings, [exception()], '2027-02-02');
    expect(later.blocking.map((f) => f.advisory)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-gggg-hhhh-iiii']);
    expect(later.expired).toHaveLength(1);
  });

  it('names exceptions that match nothing any more, and never lets one cover another package', () => {
    const verdict = judge(findings, [exception({ package: 'example-parser' })], '2026-11-22');
    expect(verdict.unused).toHaveLength(1);
    expect(verdict.blocking).toHaveLength(2);
  });
});

describe('audit-exceptions.json', () => {
  it('is a valid exception list', () => {
    const file = JSON.parse(readFileSync(path.join(PROJECT, 'audit-exceptions.json'), 'utf8'));
    expect(exceptionsFileSchema.safeParse(file).success).toBe(true);
  });

  it('requires a reason, a reviewer and dates for each exception', () => {
    const result = exceptionsFileSchema.safeParse({ exceptions: [{ advisory: 'GHSA-x', package: 'p', reason: 'ok', by: '', added: 'today', expires: '2027-01-01' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['exceptions.0.reason', 'exceptions.0.by', 'exceptions.0.added']);
  });
});
