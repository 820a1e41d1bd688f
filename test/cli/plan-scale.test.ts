// Plans at real size read in a terminal: a per-batch table first, long lists summarised (--full lists them).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planYaml, tempDir } from '../config/helpers.js';
import { runCli } from '../helpers/in-process.js';

const rows = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}@contoso.com`);
const csv = (emails: readonly string[]): string => `EmailAddress\n${emails.join('\n')}\n`;

describe('plan at scale', () => {
  it('100 batches × 2,000 new mailboxes print a few hundred lines', async () => {
    const files: Record<string, string> = {};
    const batches: Record<string, string> = {};
    for (let b = 0; b < 100; b++) {
      files[`csv/wave${b}.csv`] = csv(rows(`user${b}.`, 0, 2000));
      batches[`Wave${String(b).padStart(3, '0')}`] = `csv/wave${b}.csv`;
    }
    const cwd = tempDir({ ...files, 'plan.yaml': planYaml(batches) });
    const r = await runCli(['plan', 'plan.yaml'], { cwd });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(300);
    expect(lines).toContain('Batches (100 batches change):');
    expect(lines.find((l) => l.startsWith('  Wave042'))?.split(/\s+/).filter(Boolean)).toEqual(['Wave042', 'create+start', 'new', '+2,000', '2,000']);
    expect(r.stdout).toContain('100 batches whose change is told in full by the table above and the cmdlets below; --full shows their blocks.');
    expect(lines.filter((l) => /^\s+\d+\. New-MigrationBatch /.test(l))).toHaveLength(100);
    expect(lines.slice(-3)).toEqual(['Plan: 101 to add, 0 to change, 0 to remove.', 'Mailboxes: 200,000 to add, 0 to remove, 0 to move.', '']);
    expect(r.stdout).not.toContain('user42.1999@contoso.com');
  }, 120_000);

  it('a realistic change: removals, moves and additions are counted per batch, long runs of Remove-MigrationUser grouped', async () => {
    const cwd = tempDir({
      'plan.yaml': planYaml({ W1: 'w1.csv', W2: 'w2.csv', W3: 'w3.csv' }),
      'w1.csv': csv(rows('a', 0, 600)), 'w2.csv': csv(rows('b', 0, 300)), 'w3.csv': csv(rows('c', 0, 50)),
    });
    expect((await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd })).exitCode).toBe(0);
    expect((await runCli(['simulator', 'advance', 'plan.yaml', '3d'], { cwd })).exitCode).toBe(0);
    // W1 loses 250 mailboxes and hands 100 to W2; W2 gains them; W3 gains 300 new ones and loses 5.
    writeFileSync(join(cwd, 'w1.csv'), csv(rows('a', 350, 600)));
    writeFileSync(join(cwd, 'w2.csv'), csv([...rows('b', 0, 300), ...rows('a', 250, 350)]));
    writeFileSync(join(cwd, 'w3.csv'), csv(rows('c', 5, 350)));
    const r = await runCli(['plan', 'plan.yaml'], { cwd });
    expect(r.exitCode).toBe(0);
    const row = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`  ${name} `))?.split(/\s{2,}/).filter(Boolean);
    // The 100 mailboxes moved from W1 to W2 are already migrated: they are never submitted again (issue 8),
    // so they stay in W1 and the plan says so on both batches.
    expect(row('W1')).toEqual(['W1', 'update', 'Synced', '-250', '250']);
    // Its only difference never changes by itself: labelled as waiting on the admin, not on the service.
    expect(row('W2')).toEqual(['W2', 'needs decision', 'Synced', '400']);
    expect(r.stdout).toContain('# batch.W2 needs your decision (it will not change by itself)');
    expect(r.stdout).not.toContain('batch.W2 is waiting on the migration service');
    expect(row('W3')).toEqual(['W3', 'update+start', 'Synced', '+300', '-5', '345']);
    expect(r.stdout).toContain('      ~ mailboxes (250 to remove; listed with --full)\n');
    expect(r.stdout).toContain('note: 100 mailboxes are already migrated (a cloud mailbox exists): not submitted again');
    expect(r.stdout).toMatch(/\n +\d+\. Remove-MigrationUser -Identity 'a0@contoso.com'.*\n +… and 249 more Remove-MigrationUser, one per mailbox removed from batch\.W1 \(steps \d+–\d+\); --full lists them\n/);
    expect(r.stdout).toContain('Mailboxes: 300 to add, 255 to remove, 0 to move.');
    expect(r.stdout.split('\n').length).toBeLessThan(80);
    const full = await runCli(['plan', 'plan.yaml', '--full'], { cwd });
    expect(full.stdout.match(/Remove-MigrationUser -Identity/g)).toHaveLength(255);
    expect(full.stdout).toContain('          - a0@contoso.com\n');
    expect(full.stdout).not.toContain('(to batch.W2)');
    expect(full.stdout).toContain('# batch.W3 will be updated and started');
  }, 60_000);
});
