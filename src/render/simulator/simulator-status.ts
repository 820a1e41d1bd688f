// `stagemig simulator status`: the simulated clock, endpoints, batches with counts, and users. Pure.
// Must not: read or change the simulator (operations/simulator.ts does), or read the host's clock: the simulated time comes in.
import type { LiveBatch, LiveState, LiveUser } from '../../model/index.js';
import { forTerminal } from '../common/safe-text.js';

export interface SimulatorStatusInput {
  /** The simulated clock, or undefined when there is no state file yet. */
  now?: string;
  stateFile: string;
  live: LiveState;
}

function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

function counts(b: LiveBatch): string {
  return [
    `total ${b.totalCount}`, `active ${b.activeCount}`, `synced ${b.syncedCount}`, `failed ${b.failedCount}`,
    `stopped ${b.stoppedCount}`, `pending ${b.pendingCount}`, `provisioned ${b.provisionedCount}`,
  ].join(', ');
}

function dates(b: LiveBatch): string {
  const parts = [`created ${b.creationDateTime ?? '-'}`];
  if (b.startAfter) parts.push(`start after ${b.startAfter}`);
  if (b.startDateTime) parts.push(`started ${b.startDateTime}`);
  if (b.initialSyncDateTime) parts.push(`initial sync ${b.initialSyncDateTime}`);
  if (b.lastSyncedDateTime) parts.push(`last synced ${b.lastSyncedDateTime}`);
  return parts.join(', ');
}

function userRow(u: LiveUser): string[] {
  const detail = u.errorSummary ?? (u.syncedItemCount > 0 ? `${u.syncedItemCount.toLocaleString('en-US')} items` : '');
  return [u.email, u.status, detail];
}

export function renderSimulatorStatus(input: SimulatorStatusInput): string {
  const { now, stateFile, live } = forTerminal(input);
  const lines: string[] = [];
  if (now === undefined) {
    lines.push(`No simulator state at ${stateFile}: the simulated service is empty.`);
    lines.push('Its clock starts at the first command that changes it (apply or simulator advance).');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Simulated time: ${now}`, `State file:     ${stateFile}`, '');
  if (live.endpoints.length + live.batches.length + live.users.length === 0) {
    lines.push('The simulated service is empty: no endpoints, batches or users.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Endpoints (${live.endpoints.length}):`);
  lines.push(
    ...table(
      live.endpoints.map((e) => [
        e.name, e.type, `${e.authentication ?? ''}`,
        `max ${e.maxConcurrentMigrations ?? '-'} concurrent, ${e.maxConcurrentIncrementalSyncs ?? '-'} incremental`,
      ]),
      '  ',
    ),
  );
  lines.push('', `Batches (${live.batches.length}):`);
  const usersByBatch = new Map<string, LiveUser[]>();
  for (const u of live.users) usersByBatch.set(u.batch.toLowerCase(), [...(usersByBatch.get(u.batch.toLowerCase()) ?? []), u]);
  for (const b of live.batches) {
    lines.push(`  ${b.name}  ${b.status}  (endpoint ${b.endpoint ?? '-'})`);
    lines.push(`    ${counts(b)}`, `    ${dates(b)}`);
    if (b.validationWarnings.length > 0) {
      lines.push('    validation warnings:', ...b.validationWarnings.map((w) => `      ${w}`));
    }
    const users = usersByBatch.get(b.name.toLowerCase()) ?? [];
    if (users.length > 0) lines.push(...table(users.map(userRow), '    '));
  }
  return `${lines.join('\n')}\n`;
}
