// What `stagemig check` reports: one finding per check and object, passed / warning / failed.
//
// Must not: print or read `process`: it takes a Host and returns values (views make the text).

export type CheckStatus = 'passed' | 'warning' | 'failed';

/** The checks in the order they are reported (seed step 1). */
export const CHECK_KINDS = ['endpoint', 'recipients', 'domains', 'coexistence', 'limits', 'dns', 'licenses'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export interface CheckFinding {
  check: CheckKind;
  /** What it concerns: endpoint.NAME, batch.NAME, domain.NAME or tenant. */
  object: string;
  status: CheckStatus;
  summary: string;
  /** The service's own words (e.g. Test-MigrationServerAvailability's Message), or more facts. */
  detail?: string;
  /** What to do about it. */
  hint?: string;
  /** The service call that produced the finding, as a reader would type it (secrets masked). */
  cmdlet?: string;
  /** Per category, how many addresses fall in it (recipients, domains). */
  counts?: Record<string, number>;
  /** Per category that needs attention, every address in it, sorted. */
  addresses?: Record<string, string[]>;
}

/** A check that was not made, and why (it says nothing about what it would have found). */
export interface SkippedCheck {
  check: CheckKind;
  summary: string;
  hint?: string;
}

export interface CheckReport {
  findings: CheckFinding[];
  /** Checks not made (licences when no batch declares `license`). */
  skipped: SkippedCheck[];
  /** Service calls the check made (reads included), whatever the number of mailboxes. */
  serviceCalls: number;
}

const ORDER = new Map<string, number>(CHECK_KINDS.map((k, i) => [k, i]));

/** Findings in report order: by check, then by object. */
export function sortFindings(findings: CheckFinding[]): CheckFinding[] {
  return [...findings].sort((a, b) => ORDER.get(a.check)! - ORDER.get(b.check)! || (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
}

export function countByStatus(findings: readonly CheckFinding[]): Record<CheckStatus, number> {
  const c = { passed: 0, warning: 0, failed: 0 };
  for (const f of findings) c[f.status] += 1;
  return c;
}
