// `stagemig plan --format powershell`: the plan as a reviewable PowerShell runbook. Every text value is a
// single-quoted literal (quotePs); secrets and CSV rows are read when the runbook runs, never written here.
// Must not: write a secret or a CSV row into the runbook, or read files: it names paths; the runbook reads them when it runs.
import { basename, dirname, isAbsolute } from 'node:path';
import { portablePath, portableRelative } from '../../model/index.js';
import { isCredentialRef, isCsvRef, type DesiredState, type ParamValue, type Step } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { licenseObjects } from '../plan/cmdlet-text.js';
import { RUNBOOK_HELPERS } from './powershell-runbook-helpers.js';
import { quotePs, quotePsArray } from './powershell-quote.js';

const USED_CMDLETS = [
  'Get-MigrationEndpoint', 'Get-MigrationBatch', 'Get-MigrationUser', 'New-MigrationEndpoint', 'Set-MigrationEndpoint',
  'Remove-MigrationEndpoint', 'New-MigrationBatch', 'Set-MigrationBatch', 'Start-MigrationBatch', 'Stop-MigrationBatch',
  'Remove-MigrationBatch', 'Remove-MigrationUser',
];

/** Text for a `#` comment: control characters (newlines above all) cannot end the comment early. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function secretsOf(plan: Plan, desired: DesiredState): string[] {
  const names = new Set<string>();
  if (desired.backend.type === 'exchange-online' && desired.backend.certificateFile !== undefined) {
    if (desired.backend.certificatePasswordEnv) names.add(desired.backend.certificatePasswordEnv);
  }
  for (const s of plan.steps) for (const [, v] of s.parameters) if (isCredentialRef(v)) names.add(v.credential.passwordEnv);
  return [...names].sort();
}

/**
 * A file the YAML names (certificate, module path): inside the plan's folder, an expression relative
 * to $PlanDir (portable between machines); elsewhere (an install location) the path as it is.
 */
function planRelative(desired: DesiredState, absPath: string): string {
  const rel = portableRelative(dirname(desired.planFile), absPath);
  const outside = rel === '..' || rel.startsWith('../') || isAbsolute(rel) || /^[A-Za-z]:\//.test(rel);
  return outside ? quotePs(portablePath(absPath)) : `(Join-Path $PlanDir ${quotePs(rel)})`;
}

/** Module names stay names; module paths (resolved against the plan) become $PlanDir-relative. */
const moduleArgument = (desired: DesiredState, module: string | undefined): string =>
  module === undefined ? quotePs('ExchangeOnlineManagement') : isAbsolute(module) ? planRelative(desired, module) : quotePs(module);

function connectLines(desired: DesiredState): string[] {
  const b = desired.backend;
  const common = `-Organization ${quotePs(desired.organization)} -ShowBanner:$false -CommandName ${quotePsArray(USED_CMDLETS)}`;
  if (b.type !== 'exchange-online') {
    return [
      '# The plan uses the simulator backend: sign in to the tenant yourself (interactive sign-in).',
      'Import-Module ExchangeOnlineManagement',
      `Connect-ExchangeOnline ${common}`,
    ];
  }
  const auth = b.certificateFile !== undefined
    ? `-CertificateFilePath ${planRelative(desired, b.certificateFile)} -CertificatePassword (Get-StagemigSecret ${quotePs(b.certificatePasswordEnv ?? '')})`
    : `-CertificateThumbprint ${quotePs(b.certificateThumbprint ?? '')}`;
  return [
    `Import-Module ${moduleArgument(desired, b.module)}`,
    `Connect-ExchangeOnline -AppId ${quotePs(b.appId)} ${auth} ${common}`,
  ];
}

/** Licence steps (seed step 7) run through Microsoft Graph PowerShell, app-only like Exchange Online. */
const usesGraph = (steps: readonly Step[]): boolean => steps.some((s) => s.cmdlet === 'Update-MgUser' || s.cmdlet === 'Set-MgUserLicense');

/**
 * The Graph sign-in, first thing inside `try` so that `finally` disconnects Exchange Online if it fails. The
 * modules are imported unless a loaded module already provides Connect-MgGraph (the stand-in), as the
 * exchange-online backend does.
 */
function graphConnectLines(desired: DesiredState, steps: readonly Step[]): string[] {
  if (!usesGraph(steps)) return [];
  const b = desired.backend;
  const lines = ['    if (-not (Get-Command Connect-MgGraph -ErrorAction SilentlyContinue)) { Import-Module Microsoft.Graph.Users, Microsoft.Graph.Users.Actions }'];
  if (b.type !== 'exchange-online') return [...lines, "    Connect-MgGraph -Scopes 'User.ReadWrite.All', 'Organization.Read.All' -TenantId " + quotePs(desired.organization) + ' -NoWelcome'];
  const cert = b.certificateFile !== undefined
    ? `-Certificate ([System.Security.Cryptography.X509Certificates.X509Certificate2]::new(${planRelative(desired, b.certificateFile)}, (Get-StagemigSecret ${quotePs(b.certificatePasswordEnv ?? '')})))`
    : `-CertificateThumbprint ${quotePs(b.certificateThumbprint ?? '')}`;
  return [...lines, `    Connect-MgGraph -ClientId ${quotePs(b.appId)} -TenantId ${quotePs(desired.organization)} ${cert} -NoWelcome`];
}

/** CSV rows are prepared before connecting, so a changed or missing file stops the runbook before any change. */
function csvVariables(steps: readonly Step[]): { lines: string[]; names: Map<Step, string> } {
  const lines: string[] = [];
  const names = new Map<Step, string>();
  steps.forEach((step, i) => {
    for (const [, v] of step.parameters) {
      if (!isCsvRef(v)) continue;
      const name = `$csvData${i + 1}`;
      names.set(step, name);
      lines.push(`# ${commentText(`${step.address}: ${v.csv.emails.length} row(s) of ${v.csv.file}`)}`);
      lines.push(`${name} = Get-StagemigCsvData -Path (Join-Path $PlanDir ${quotePs(portablePath(v.csv.file))}) -EmailAddress @(`);
      for (const e of v.csv.emails) lines.push(`    ${quotePs(e)}`);
      lines.push(')');
    }
  });
  return { lines, names };
}

function argument(name: string, v: ParamValue, csvVar: string | undefined): string {
  if (v === true) return `-${name}`;
  if (v === false) return `-${name}:$false`;
  if (typeof v === 'string') return `-${name} ${quotePs(v)}`;
  if (typeof v === 'number') return `-${name} ${String(v)}`;
  if (Array.isArray(v) && name === 'AddLicenses') return `-${name} ${licenseObjects(v)}`;
  if (Array.isArray(v)) return `-${name} ${v.length === 0 ? '@()' : `@(${quotePsArray(v)})`}`;
  if (isCredentialRef(v)) {
    const { username, passwordEnv } = v.credential;
    return `-${name} ([pscredential]::new(${quotePs(username)}, (Get-StagemigSecret ${quotePs(passwordEnv)})))`;
  }
  return `-${name} ${csvVar ?? '$null'}`;
}

/**
 * `runbookDir`: the folder the runbook will be saved in (the working directory of `stagemig plan
 * --format powershell > runbook.ps1`); it finds the plan's folder, and so its CSV files, relative
 * to its own location ($PSScriptRoot), never by an absolute path of the machine that planned.
 * Default: beside the plan YAML.
 */
export function renderPowershellRunbook(plan: Plan, desired: DesiredState, opts: { runbookDir?: string } = {}): string {
  const planDir = portableRelative(opts.runbookDir ?? dirname(desired.planFile), dirname(desired.planFile));
  const steps = plan.steps;
  const secrets = secretsOf(plan, desired);
  const out = [
    `# stagemig runbook for ${commentText(basename(desired.planFile))} (${commentText(desired.organization)})`,
    `# ${steps.length} step(s), in order. Review it, then run: pwsh -NoProfile -File <this file>`,
    `# Secrets are read from the environment when it runs: ${secrets.length ? secrets.join(', ') : '(none)'}.`,
    '# Save it as UTF-8 with a BOM if Windows PowerShell 5.1 must read it.',
  ];
  for (const c of plan.changes) for (const n of c.notes) out.push(`# Not in this runbook: ${commentText(`${c.address}: ${n}`)}`);
  out.push("$ErrorActionPreference = 'Stop'", 'Set-StrictMode -Version 3.0', '');
  if (steps.length === 0) return [...out, '# Nothing to do: the migration service already matches the plan.', ''].join('\n');
  out.push(
    `# Files are found relative to this runbook: the plan's folder is ${commentText(planDir)} from where it is saved`,
    '# (set STAGEMIG_PLAN_DIR to point at the plan\'s folder instead).',
    '$RunbookDir = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }',
    `$PlanDir = if ($env:STAGEMIG_PLAN_DIR) { $env:STAGEMIG_PLAN_DIR } else { Join-Path $RunbookDir ${quotePs(planDir)} }`,
    '', RUNBOOK_HELPERS, '',
  );
  if (secrets.length > 0) out.push(`foreach ($name in @(${quotePsArray(secrets)})) { $null = Get-StagemigSecret $name }`);
  const csv = csvVariables(steps);
  out.push(...csv.lines, '', ...connectLines(desired), 'try {', ...graphConnectLines(desired, steps));
  steps.forEach((step, i) => {
    out.push(`    # [${i + 1}/${steps.length}] ${commentText(step.address)}: ${step.action}`);
    const args = step.parameters.map(([name, v]) => argument(name, v, csv.names.get(step)));
    out.push(`    ${[step.cmdlet, ...args].join(' ')}`);
  });
  const graphOff = usesGraph(steps) ? ['    Disconnect-MgGraph -ErrorAction SilentlyContinue | Out-Null'] : [];
  out.push('}', 'finally {', ...graphOff, '    Disconnect-ExchangeOnline -Confirm:$false', '}', '');
  return out.join('\n');
}
