// A test workspace: the contoso example's CSVs with three plans over them:
//   sim.yaml    simulator backend, state .stagemig/reference.json  (the in-process reference)
//   served.yaml simulator backend, state .stagemig/served.json     (what `simulator serve` serves)
//   exo.yaml    exchange-online backend through pwsh and the StagemigSimulator module
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emptyState, saveState } from '../../../src/backends/simulator/index.js';
import { PWSH } from './pwsh.js';

export const ROOT = resolve(__dirname, '../../..');
export const EXAMPLE = join(ROOT, 'examples', 'contoso');
export const STAND_IN = join(ROOT, 'powershell', 'StagemigSimulator', 'StagemigSimulator.psd1');
export const ONPREM_PASSWORD = `On'Prem$(x)\`;"pw-7d1e`;
export const CERT_PASSWORD = `Cert'Pfx$(y)\`;"pw-51aa`;
export const APP_ID = '0f8e6c1a-3b9d-4c2e-8a7f-5d4b3c2a1e0f';
export const FIXED_NOW = new Date('2026-03-02T09:00:00Z');

export interface Workspace {
  dir: string;
  referenceState: string;
  servedState: string;
  pfx: string;
  /** Every secret a run handles: both passwords and the CSV Password values. */
  secrets: string[];
}

let pfxCache: Buffer | undefined;

/** A PKCS#12 certificate protected by CERT_PASSWORD, made once with pwsh (the password goes in via the environment). */
export function pfxBytes(): Buffer {
  if (pfxCache) return pfxCache;
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-pfx-'));
  const file = join(dir, 'app.pfx');
  const script = [
    '$rsa = [System.Security.Cryptography.RSA]::Create(2048)',
    "$req = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=stagemig-test', $rsa, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)",
    '$cert = $req.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddYears(1))',
    "[System.IO.File]::WriteAllBytes($env:PFX_FILE, $cert.Export('Pfx', $env:PFX_PASSWORD))",
  ].join('; ');
  const r = spawnSync(PWSH!.command, ['-NoProfile', '-NonInteractive', '-Command', script], {
    env: { ...process.env, PFX_FILE: file, PFX_PASSWORD: CERT_PASSWORD }, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`could not make a test certificate: ${r.stderr}`);
  pfxCache = readFileSync(file);
  rmSync(dir, { recursive: true, force: true });
  return pfxCache;
}

const BACKEND_LINES = 5;

/** Replaces the backend block; every plan's block has the same height, so diagnostics cite the same lines. */
function withBackend(yaml: string, backend: string[]): string {
  const lines = [...backend, ...Array<string>(BACKEND_LINES - backend.length).fill('# (padding)')];
  return yaml.replace(/^backend:\n(?: {2}.*\n)+/m, ['backend:', ...lines.map((l) => `  ${l}`), ''].join('\n'));
}

/** Writes the three plans from `yaml` (a plan text whose backend block is replaced). */
export function writePlans(dir: string, yaml: string): void {
  writeFileSync(join(dir, 'sim.yaml'), withBackend(yaml, ['type: simulator', 'stateFile: .stagemig/reference.json']));
  writeFileSync(join(dir, 'served.yaml'), withBackend(yaml, ['type: simulator', 'stateFile: .stagemig/served.json']));
  writeFileSync(join(dir, 'exo.yaml'), withBackend(yaml, [
    'type: exchange-online', `appId: ${APP_ID}`, 'certificateFile: app.pfx', 'certificatePasswordEnv: STAGEMIG_CERT_PASSWORD',
    `module: ${JSON.stringify(STAND_IN)}`,
  ]));
}

export function readPlan(dir: string): string {
  return readFileSync(join(dir, 'sim.yaml'), 'utf8');
}

/** A copy of the example with both simulator states created empty at the same simulated instant. */
export async function makeWorkspace(
  edit: (yaml: string, dir: string) => string = (y) => y,
  csvPasswords: readonly string[] = [],
): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-pwsh-'));
  cpSync(join(EXAMPLE, 'batches'), join(dir, 'batches'), { recursive: true });
  writePlans(dir, edit(readFileSync(join(EXAMPLE, 'stagemig.yaml'), 'utf8'), dir));
  const ws = {
    dir,
    referenceState: join(dir, '.stagemig', 'reference.json'),
    servedState: join(dir, '.stagemig', 'served.json'),
    pfx: join(dir, 'app.pfx'),
    secrets: [...examplePasswords(dir), ...csvPasswords],
  };
  writeFileSync(ws.pfx, pfxBytes());
  await saveState(ws.referenceState, emptyState(FIXED_NOW));
  await saveState(ws.servedState, emptyState(FIXED_NOW));
  return ws;
}

/** The environment every CLI run gets: both secrets (the CLI must keep them out of pwsh's argv and env). */
export function secretsEnv(): Record<string, string> {
  return { STAGEMIG_ONPREM_PASSWORD: ONPREM_PASSWORD, STAGEMIG_CERT_PASSWORD: CERT_PASSWORD };
}

/** The two passwords and the CSV Password column of the example. */
function examplePasswords(dir: string): string[] {
  const csvPasswords = readFileSync(join(dir, 'batches', 'wave2-sales.csv'), 'utf8')
    .split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.replace(/"/g, '').split(',')[1]!).filter(Boolean);
  return [ONPREM_PASSWORD, CERT_PASSWORD, ...csvPasswords];
}
