/**
 * Reading `npm audit --omit=dev --json` and the exception list
 * (audit-exceptions.json): which high or critical advisories of production
 * dependencies stand, which are accepted (with a reason and an expiry date),
 * and whether the audit could run at all. `npm run audit:prod` prints it.
 */
import { z } from 'astro/zod';

export const BLOCKING = ['high', 'critical'] as const;
const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** GHSA id of the advisory (or npm's number when there is no GHSA link). */
  advisory: string;
  package: string;
  severity: Severity;
  title: string;
  url?: string;
  /** Affected versions. */
  range?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const exceptionSchema = z.strictObject({
  /** The advisory accepted, e.g. GHSA-xxxx-xxxx-xxxx. */
  advisory: z.string().min(1),
  /** The package it is about. */
  package: z.string().min(1),
  /** Why it does not put the hub's readers or editors at risk (or what limits the risk). */
  reason: z.string().min(20, { error: 'a reason of at least a sentence' }),
  /** Who accepted it. */
  by: z.string().min(1),
  /** When it was accepted, YYYY-MM-DD. */
  added: z.string().regex(DATE, { error: 'a date as YYYY-MM-DD' }),
  /** When it must be looked at again, YYYY-MM-DD; after that day it no longer counts. */
  expires: z.string().regex(DATE, { error: 'a date as YYYY-MM-DD' }),
});

export const exceptionsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  exceptions: z.array(exceptionSchema),
});

export type AuditException = z.output<typeof exceptionSchema>;

export type AuditOutcome = { kind: 'unreachable'; reason: string } | { kind: 'audited'; counts: Record<Severity, number>; dependencies?: number; findings: Finding[] };

/** What an `npm audit --json` run said, or that it could not ask the advisory service. */
export function readAuditOutput(stdout: string, stderr = ''): AuditOutcome {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    const line = `${stderr}\n${stdout}`
      .split('\n')
      .find((l) => /error|ENOTFOUND|ETIMEDOUT|ECONNREFUSED|EAI_AGAIN/i.test(l))
      ?.trim();
    return { kind: 'unreachable', reason: line || 'npm audit printed no report' };
  }
  const error = report.error as { summary?: string; code?: string } | undefined;
  if (report.statusCode !== undefined || (report.message && !report.vulnerabilities) || (error && !report.vulnerabilities)) {
    const status = report.statusCode ? `${String(report.statusCode)} ` : '';
    const what = String(report.message ?? error?.summary ?? error?.code ?? 'no report');
    return { kind: 'unreachable', reason: `${status}${what}`.replace(/^(\d+ )\1/, '$1').trim() };
  }
  const metadata = report.metadata as { vulnerabilities?: Partial<Record<Severity, number>>; dependencies?: { prod?: number; total?: number } } | undefined;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, metadata?.vulnerabilities?.[s] ?? 0])) as Record<Severity, number>;
  const findings = new Map<string, Finding>();
  for (const vulnerability of Object.values((report.vulnerabilities ?? {}) as Record<string, { via?: unknown[] }>)) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package, whose own entry carries the advisory.
      if (!via || typeof via !== 'object') continue;
      const v = via as { source?: number; name?: string; title?: string; url?: string; severity?: Severity; range?: string };
      const advisory = /GHSA-[\w-]+/i.exec(v.url ?? '')?.[0] ?? String(v.source ?? 'unknown');
      const key = `${advisory} ${v.name}`;
      if (!findings.has(key)) {
        findings.set(key, { advisory, package: v.name ?? '?', severity: v.severity ?? 'info', title: v.title ?? '', url: v.url, range: v.range });
      }
    }
  }
  return { kind: 'audited', counts, dependencies: metadata?.dependencies?.prod ?? metadata?.dependencies?.total, findings: [...findings.values()] };
}

export interface Judgement {
  /** High or critical findings without a valid exception: these fail the audit. */
  blocking: Finding[];
  /** Findings an exception accepts, with it. */
  accepted: { finding: Finding; exception: AuditException }[];
  /** Exceptions past their expiry date (their findings block again). */
  expired: AuditException[];
  /** Exceptions that match no finding any more: remove them. */
  unused: AuditException[];
}

export function judge(findings: readonly Finding[], exceptions: readonly AuditException[], today: string): Judgement {
  const live = exceptions.filter((e) => e.expires >= today);
  const matching = (f: Finding) => live.find((e) => e.advisory.toLowerCase() === f.advisory.toLowerCase() && e.package === f.package);
  const serious = findings.filter((f) => (BLOCKING as readonly string[]).includes(f.severity));
  const accepted = serious.flatMap((finding) => {
    const exception = matching(finding);
    return exception ? [{ finding, exception }] : [];
  });
  return {
    blocking: serious.filter((f) => !matching(f)),
    accepted,
    expired: exceptions.filter((e) => e.expires < today),
    unused: live.filter((e) => !accepted.some((a) => a.exception === e)),
  };
}
