// Issue 12, defect 6: names that cannot lie. Control characters in the plan's names, addresses and
// paths are refused with file:line:column; names the service hands back (an unmanaged batch) are
// escaped in every view: no raw ESC on the terminal, no heading or @mention injected into markdown,
// no markup in the HTML report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const NOW = '2026-12-01T07:00:00Z';
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function planWith(edit: (yaml: string) => string): string {
  const dir = copyExample();
  const file = join(dir, 'stagemig.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

const cli = (dir: string, ...args: string[]) => runCli(args, { cwd: dir, env: { STAGEMIG_NOW: NOW } });

describe('control characters in the plan are refused with their position', () => {
  it('ESC, a line break and NUL in batch names and a path; a bidi override in an endpoint name', async () => {
    const dir = planWith((y) => y
      .replace('  StagedBatch2:\n', '  Staged\u001b[2KBatch2:\n') // raw ESC in a plain key
      .replace('  StagedBatch3:\n', '  "StagedBatch3\\n## All clear: 0 to remove":\n') // an escaped line break
      .replace('csv: batches/wave1-it-pilot.csv', 'csv: "batches/wave1\\0.csv"') // NUL in a path
      .replace(/StagedEndpoint/g, 'Staged\u202eEndpoint')); // right-to-left override
    const lines = readFileSync(join(dir, 'stagemig.yaml'), 'utf8').split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const r = await cli(dir, 'validate', 'stagemig.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`stagemig.yaml:${lineOf('Staged\u001b[2KBatch2')}:9: error: The batch name "Staged\\u001b[2KBatch2" holds a control character (U+001B ESC)`);
    expect(r.stderr).toContain(`stagemig.yaml:${lineOf('StagedBatch3\\n')}:3: error: The batch name "StagedBatch3\\u000a## All clear: 0 to remove" holds a control character (U+000A line feed)`);
    expect(r.stderr).toContain(`stagemig.yaml:${lineOf('wave1\\0')}:10: error: The path (\`csv\`) "batches/wave1\\u0000.csv" holds a control character (U+0000 NUL)`);
    expect(r.stderr).toMatch(/stagemig\.yaml:\d+:9: error: The endpoint name "Staged\\u202eEndpoint" holds a control character \(U\+202E right-to-left override\)/);
    expect(r.stderr).toContain('hint: Remove it: names, addresses and paths may hold letters, digits, punctuation and spaces');
    expect(r.stderr).not.toMatch(RAW_UNSAFE); // the excerpts show the characters escaped too
    expect(r.stderr).not.toMatch(/^## All clear/m);
    expect(r.stderr).not.toContain('internal error');
  });

  it('a control character in an address in the YAML and in a CSV row (named by its line)', async () => {
    const dir = planWith((y) => y.replace('notificationEmails: [migration-team@contoso.com]', 'notificationEmails: ["migration-team@contoso.com\\r"]'));
    const csv = join(dir, 'batches', 'wave2-sales.csv');
    const rows = readFileSync(csv, 'utf8').split('\n');
    rows[2] = `"evil\u001b]0;pwned\u0007@contoso.com"${rows[2]!.slice(rows[2]!.indexOf(','))}`;
    writeFileSync(csv, rows.join('\n'));
    const yamlOnly = await cli(dir, 'validate', 'stagemig.yaml');
    expect(yamlOnly.exitCode).toBe(1);
    expect(yamlOnly.stderr).toMatch(/stagemig\.yaml:\d+:\d+: error: The address \(`notificationEmails`\) "migration-team@contoso\.com\\u000d" holds a control character \(U\+000D carriage return\)/);
    writeFileSync(join(dir, 'stagemig.yaml'), readFileSync(join(dir, 'stagemig.yaml'), 'utf8').replace('\\r"]', '"]'));
    const r = await cli(dir, 'validate', 'stagemig.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('batches/wave2-sales.csv:3: error: "evil\\u001b]0;pwned\\u0007@contoso.com" is not a valid SMTP address (it holds a control character)');
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
  });
});

describe('names from the service are escaped in every view', () => {
  const EVIL = 'Evil\u001b[2K\u001b[1A\n## All clear: 0 to remove @admins <b>x</b> | ` *y*\u202e';

  async function tenantWithEvilBatch() {
    const dir = copyExample();
    // A cutover batch left in the tenant, named by someone else: stagemig lists it as unmanaged.
    writeFileSync(join(dir, 'evil.json'), JSON.stringify({ cutoverBatch: { name: EVIL, endpoint: 'Ep\u001b]0;x\u0007' } }));
    const set = await cli(dir, 'simulator', 'faults', 'stagemig.yaml', 'evil.json');
    expect(set.exitCode).toBe(0);
    expect(set.stdout).not.toMatch(RAW_UNSAFE);
    expect(set.stdout).toContain('cutover batch Evil\\u001b[2K\\u001b[1A\\u000a## All clear');
    return dir;
  }

  it('human: plan and status print the name with visible escapes, on one line', async () => {
    const dir = await tenantWithEvilBatch();
    for (const args of [['plan', 'stagemig.yaml'], ['status', 'stagemig.yaml']]) {
      const r = await cli(dir, ...args);
      expect(r.stdout + r.stderr).not.toMatch(RAW_UNSAFE);
      expect(r.stdout).toContain('batch.Evil\\u001b[2K\\u001b[1A\\u000a## All clear: 0 to remove @admins <b>x</b> | ` *y*\\u202e (Synced, 0');
      expect(r.stdout).not.toMatch(/^## All clear/m);
    }
  });

  it('markdown: no injected heading, the @mention pings nobody, the markup is inert', async () => {
    const dir = await tenantWithEvilBatch();
    for (const args of [['plan', 'stagemig.yaml', '--format', 'markdown'], ['status', 'stagemig.yaml', '--format', 'markdown']]) {
      const r = await cli(dir, ...args);
      expect(r.stdout).not.toMatch(RAW_UNSAFE);
      expect(r.stdout).not.toMatch(/^#+ All clear/m);
      expect(r.stdout).not.toMatch(/(^|[^A-Za-z0-9_])@admins/);
      expect(r.stdout).toContain('@&#8203;admins');
      expect(r.stdout).not.toContain('<b>');
      expect(r.stdout).toContain('batch.Evil\\\\u001b\\[2K\\\\u001b\\[1A\\\\u000a\\#\\# All clear: 0 to remove @&#8203;admins &lt;b&gt;x&lt;/b&gt; \\| \\` \\*y\\*\\\\u202e');
    }
  });

  it('a service error text with escapes and line breaks stays on its line in the apply report', async () => {
    const dir = copyExample();
    writeFileSync(join(dir, 'throttle.json'), JSON.stringify({ throttle: { call: 1, message: 'Busy\u001b[2K\nApply complete! 0 cmdlets run.' } }));
    expect((await cli(dir, 'simulator', 'faults', 'stagemig.yaml', 'throttle.json')).exitCode).toBe(0);
    const r = await cli(dir, 'apply', 'stagemig.yaml', '--auto-approve');
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).not.toMatch(/^Apply complete!/m);
    expect(r.stdout).toContain('failed: Busy\\u001b[2K\\u000aApply complete! 0 cmdlets run.');
    expect(r.stdout).toContain('Apply failed at step 1 of 4: Busy\\u001b[2K\\u000aApply complete!');
  });

  it('import leaves a batch whose name holds a control character unmanaged, says so escaped, and writes a valid plan', async () => {
    const dir = copyExample();
    expect((await cli(dir, 'apply', 'stagemig.yaml', '--auto-approve')).exitCode).toBe(0);
    const stateFile = join(dir, '.stagemig', 'simulator.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { batches: Array<{ name: string }>; users: Array<{ batch: string }> };
    for (const b of state.batches) if (b.name === 'StagedBatch2') b.name = EVIL;
    for (const u of state.users) if (u.batch === 'StagedBatch2') u.batch = EVIL;
    writeFileSync(stateFile, JSON.stringify(state));
    const r = await cli(dir, 'import', '--out', 'imported', '--state-file', '.stagemig/simulator.json', '--organization', 'contoso.onmicrosoft.com');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).toContain('Note: batch.Evil\\u001b[2K\\u001b[1A\\u000a## All clear: 0 to remove @admins <b>x</b> | ` *y*\\u202e: its name holds a control character');
    const yaml = readFileSync(join(dir, 'imported', 'stagemig.yaml'), 'utf8');
    expect(yaml).toContain('StagedBatch1:');
    expect(yaml).not.toContain('Evil');
    expect((await cli(join(dir, 'imported'), 'validate', 'stagemig.yaml')).exitCode).toBe(0);
  });

  it('HTML status report: the name is text, not markup', async () => {
    const dir = await tenantWithEvilBatch();
    const r = await cli(dir, 'status', 'stagemig.yaml', '--format', 'html');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).not.toContain('<b>x</b>');
    expect(r.stdout).toContain('<li>batch.Evil\\u001b[2K\\u001b[1A\\u000a## All clear: 0 to remove @admins &lt;b&gt;x&lt;/b&gt; | ` *y*\\u202e (Synced, 0 mailboxes)</li>');
  });
});
