// Shared helpers for the config tests: fixture paths, temporary plan folders, diagnostic lookups.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DiagnosticCode } from '../../src/diag/index.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/config');
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes files (text or bytes) into a fresh temporary folder and returns its path. */
export function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stagemig-config-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** A minimal valid plan with one endpoint and the given batches (name → csv path). */
export function planYaml(batches: Record<string, string>, extra = ''): string {
  const lines = [
    'version: 1',
    'organization: contoso.onmicrosoft.com',
    extra,
    'endpoints:',
    '  StagedEndpoint:',
    '    type: ExchangeOutlookAnywhere',
    '    autodiscover: true',
    '    emailAddress: administrator@contoso.com',
    '    credentials: {username: administrator, passwordEnv: STAGEMIG_ONPREM_PASSWORD}',
    'batches:',
  ];
  for (const [name, csv] of Object.entries(batches)) lines.push(`  ${name}:`, '    endpoint: StagedEndpoint', `    csv: ${csv}`);
  return `${lines.filter((l) => l !== '').join('\n')}\n`;
}

export function byCode(diags: readonly Diagnostic[], code: DiagnosticCode): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** "file:line:col summary" for compact assertions. */
export function where(d: Diagnostic): string {
  return d.range ? `${d.range.file}:${d.range.start.line}:${d.range.start.col}` : '(no range)';
}
