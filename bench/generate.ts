import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a plan of `batches` batches × `perBatch` mailboxes into `dir`; returns the plan path. */
export function generatePlan(dir: string, batches: number, perBatch: number): string {
  mkdirSync(join(dir, 'batches'), { recursive: true });
  const lines = [
    'version: 1',
    'organization: bench.onmicrosoft.com',
    'backend:',
    '  type: simulator',
    'endpoints:',
    '  BenchEndpoint:',
    '    type: ExchangeOutlookAnywhere',
    '    autodiscover: true',
    '    emailAddress: administrator@bench.example',
    '    credentials:',
    '      username: BENCH\\administrator',
    '      passwordEnv: STAGEMIG_BENCH_PASSWORD',
    '    maxConcurrentMigrations: 300',
    '    maxConcurrentIncrementalSyncs: 10',
    'batches:',
  ];
  for (let b = 0; b < batches; b++) {
    const name = `Wave${String(b + 1).padStart(3, '0')}`;
    lines.push(`  ${name}:`, '    endpoint: BenchEndpoint', `    csv: batches/${name}.csv`, '    state: stopped');
    const rows = ['EmailAddress'];
    for (let u = 0; u < perBatch; u++) rows.push(`user${b}x${u}@bench.example`);
    writeFileSync(join(dir, 'batches', `${name}.csv`), rows.join('\r\n') + '\r\n');
  }
  const planPath = join(dir, 'stagemig.yaml');
  writeFileSync(planPath, lines.join('\n') + '\n');
  return planPath;
}
