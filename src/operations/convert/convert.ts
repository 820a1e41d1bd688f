// `stagemig convert`, the use case (seed step 5): for a batch whose mailboxes are all Synced, one bulk
// read of the tenant's mailboxes, then the files the on-premises administrator runs to turn each
// migrated mailbox into a mail user.
//
// Must not: change the service (it only reads), write anywhere but the output folder, write before every
// check has passed, or print (the command's view does).
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { batchMembers, conversionRows, notSynced, type ConversionProblem, type ConversionRow } from './conversion-rows.js';
import { error, StagemigError, type Diagnostic } from '../../diag/index.js';
import { writeFileAtomic } from '../../files/index.js';
import { conversionFiles, type OutputFile } from './conversion-files.js';
import { batchNamed } from '../batch-option.js';
import type { Host } from '../host.js';
import { loadDesired } from '../load-desired.js';
import { withBackend } from '../open-backend.js';

export interface ConvertRequest {
  planPath: string;
  batch: string;
  outDir: string;
}

export interface ConvertResult {
  batch: string;
  /** Absolute output folder. */
  outDir: string;
  rows: ConversionRow[];
  files: { name: string; bytes: number }[];
  /** Warnings from loading the plan. */
  diagnostics: Diagnostic[];
}

/** How many addresses an error lists before it counts the rest. */
const LISTED = 50;

function listed(problems: ConversionProblem[], line: (p: ConversionProblem) => string): string {
  const lines = problems.slice(0, LISTED).map((p) => `  ${line(p)}`);
  if (problems.length > LISTED) lines.push(`  … and ${problems.length - LISTED} more`);
  return lines.join('\n');
}

function notSyncedError(batch: string, problems: ConversionProblem[], total: number): StagemigError {
  return new StagemigError([error('CONVERT_NOT_SYNCED', `${problems.length} of ${total} mailboxes of batch ${batch} are not Synced; nothing was written`, {
    address: `batch.${batch}`,
    detail: listed(problems, (p) => `${p.email}: ${p.kind === 'not-synced' && p.status ? p.status : 'not in the batch on the service (run stagemig apply)'}`),
    hint: `Convert a batch once every mailbox is Synced: \`stagemig status <plan> --batch ${batch}\` shows them. A mailbox that cannot migrate leaves the batch when its CSV row is removed and the plan applied.`,
  })]);
}

function cloudError(batch: string, problems: ConversionProblem[]): StagemigError {
  const why = (p: ConversionProblem): string =>
    p.kind === 'no-cloud-mailbox' ? 'Get-Mailbox lists no mailbox with this address'
      : p.kind === 'no-routing-address' ? 'its cloud mailbox has no *.mail.onmicrosoft.com address'
        : p.kind === 'unusable' ? p.reason : p.kind;
  return new StagemigError([error('CONVERT_NO_CLOUD_MAILBOX', `${problems.length} mailboxes of batch ${batch} cannot be converted from what Exchange Online returned; nothing was written`, {
    address: `batch.${batch}`,
    detail: listed(problems, (p) => `${p.email}: ${why(p)}`),
    hint: 'A migrated mailbox has a routing address in the tenant\'s *.mail.onmicrosoft.com domain; check the mailbox in Exchange Online, then run convert again.',
  })]);
}

async function checkOutDir(outDir: string, shown: string): Promise<void> {
  try {
    const s = await stat(outDir);
    if (!s.isDirectory()) throw new StagemigError([error('USAGE', `--out ${shown} is a file, not a folder`, { hint: 'Name a folder; it is created when missing.' })]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Writes the files, each whole or not at all; the one place convert touches the disk. */
async function writeOutput(outDir: string, shown: string, files: OutputFile[]): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    for (const f of files) await writeFileAtomic(join(outDir, f.name), f.content);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code !== 'string') throw err;
    throw new StagemigError([error('USAGE', `Cannot write the conversion files to ${shown} (${e.code})`, {
      detail: e.message,
      hint: 'Choose a folder you can write to with --out. A file already written there is whole; run convert again.',
    })]);
  }
}

export async function convertBatch(host: Host, req: ConvertRequest): Promise<ConvertResult> {
  const { desired, warnings } = await loadDesired(host, req.planPath);
  const batch = batchNamed(desired, req.batch);
  const outDir = resolve(host.cwd, req.outDir);
  await checkOutDir(outDir, req.outDir);
  const rows = await withBackend(host, desired, async (backend) => {
    const members = batchMembers(batch, await backend.readLive());
    if (members.length === 0) throw new StagemigError([error('CONVERT_NOT_SYNCED', `Batch ${batch.name} has no mailboxes to convert`, { address: `batch.${batch.name}` })]);
    const waiting = notSynced(members);
    if (waiting.length > 0) throw notSyncedError(batch.name, waiting, members.length);
    const found = conversionRows(members, await backend.readMailboxes());
    if (found.problems.length > 0) throw cloudError(batch.name, found.problems);
    return found.rows;
  });
  const files = conversionFiles(rows);
  await writeOutput(outDir, req.outDir, files);
  return { batch: batch.name, outDir, rows, files: files.map((f) => ({ name: f.name, bytes: f.content.length })), diagnostics: warnings };
}
