// stagemig simulator status|advance|reset, run in-process through the CLI's entry point (runCli).
// The built CLI's smoke test of `simulator` is in test/cli/smoke.cli.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulatorBackend, loadState } from '../../src/backends/simulator/index.js';
import { runCli } from '../helpers/in-process.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, ...args: string[]): Promise<Result> {
  const r = await runCli(args, { cwd });
  return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

const PLAN = `version: 1
organization: contoso.onmicrosoft.com
backend:
  type: simulator
endpoints:
  StagedEndpoint:
    type: ExchangeOutlookAnywhere
    autodiscover: true
    emailAddress: administrator@contoso.com
    credentials:
      username: CONTOSO\\administrator
      passwordEnv: STAGEMIG_ONPREM_PASSWORD
batches:
  Wave1:
    endpoint: StagedEndpoint
    csv: wave1.csv
`;

async function planDir(): Promise<{ dir: string; stateFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'stagemig-sim-cli-'));
  await writeFile(join(dir, 'stagemig.yaml'), PLAN);
  await writeFile(join(dir, 'wave1.csv'), 'EmailAddress\r\nannb@contoso.com\r\ntonyk@contoso.com\r\n');
  return { dir, stateFile: join(dir, '.stagemig', 'simulator.json') };
}

/** Puts a started batch into the simulator through the library, as apply would. */
async function seed(stateFile: string): Promise<void> {
  const sim = createSimulatorBackend({ stateFile, now: () => new Date('2026-01-05T09:00:00Z') });
  const credential = { credential: { username: 'CONTOSO\\administrator', password: 'pw' } };
  await sim.run({ cmdlet: 'New-MigrationEndpoint', parameters: { Name: 'StagedEndpoint', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com', Credentials: credential } });
  const csv = Buffer.from('EmailAddress\r\nannb@contoso.com\r\ntonyk@contoso.com\r\n').toString('base64');
  const r = await sim.run({ cmdlet: 'New-MigrationBatch', parameters: { Name: 'Wave1', SourceEndpoint: 'StagedEndpoint', CSVData: { bytes: csv }, AutoStart: true } });
  expect(r).toEqual({ ok: true, warnings: [] });
}

describe('stagemig simulator', () => {
  it('status on a fresh plan says the service is empty and creates nothing', async () => {
    const { dir, stateFile } = await planDir();
    const r = await cli(dir, 'simulator', 'status', 'stagemig.yaml');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`No simulator state at ${stateFile}`);
    expect(existsSync(stateFile)).toBe(false);
  });

  it('advance moves the clock and shows progress; status shows batches and users', async () => {
    const { dir, stateFile } = await planDir();
    await seed(stateFile);
    const adv = await cli(dir, 'simulator', 'advance', 'stagemig.yaml', '1h30m');
    expect(adv.code).toBe(0);
    expect(adv.stdout).toContain('Advanced the simulated clock by 1h30m: 2026-01-05T09:00:00Z -> 2026-01-05T10:30:00Z');
    expect((await loadState(stateFile))!.now).toBe('2026-01-05T10:30:00Z');
    await cli(dir, 'simulator', 'advance', 'stagemig.yaml', '2d');
    const st = await cli(dir, 'simulator', 'status', 'stagemig.yaml');
    expect(st.code).toBe(0);
    expect(st.stdout).toContain('Simulated time: 2026-01-07T10:30:00Z');
    expect(st.stdout).toContain('Wave1  Synced  (endpoint StagedEndpoint)');
    expect(st.stdout).toContain('total 2, active 0, synced 2, failed 0');
    expect(st.stdout).toMatch(/annb@contoso\.com\s+Synced/);
  });

  it('advance on an empty service starts the clock now and writes the state file', async () => {
    const { dir, stateFile } = await planDir();
    const r = await cli(dir, 'simulator', 'advance', 'stagemig.yaml', '90s');
    expect(r.code).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
    const now = Date.parse((await loadState(stateFile))!.now);
    expect(Math.abs(now - (Date.now() + 90_000))).toBeLessThan(60_000);
  });

  it('refuses a bad duration with a clear error and exit code 1', async () => {
    const { dir, stateFile } = await planDir();
    const r = await cli(dir, 'simulator', 'advance', 'stagemig.yaml', '5x');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Invalid duration "5x"');
    expect(r.stderr).toContain('1h30m');
    expect(existsSync(stateFile)).toBe(false);
  });

  it('reset deletes the state file and says so', async () => {
    const { dir, stateFile } = await planDir();
    await seed(stateFile);
    const r = await cli(dir, 'simulator', 'reset', 'stagemig.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Deleted the simulator state file ${stateFile}`);
    expect(existsSync(stateFile)).toBe(false);
    const again = await cli(dir, 'simulator', 'reset', 'stagemig.yaml');
    expect(again.stdout).toContain('already empty');
  });

  it('prints the plan errors and exits 1 when the plan is invalid', async () => {
    const { dir } = await planDir();
    await writeFile(join(dir, 'bad.yaml'), 'version: 1\norganization: contoso.onmicrosoft.com\nbackend:\n  type: simulator\n  colour: blue\n');
    const r = await cli(dir, 'simulator', 'status', 'bad.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('colour');
  });

  it('honours backend.stateFile', async () => {
    const { dir } = await planDir();
    await mkdir(join(dir, 'state'));
    await writeFile(join(dir, 'custom.yaml'), PLAN.replace('type: simulator', 'type: simulator\n  stateFile: state/sim.json'));
    const r = await cli(dir, 'simulator', 'advance', 'custom.yaml', '1m');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'state', 'sim.json'))).toBe(true);
  });

  it('shows a corrupt state file as an error naming the file', async () => {
    const { dir, stateFile } = await planDir();
    await mkdir(join(dir, '.stagemig'));
    await writeFile(stateFile, '{oops');
    const r = await cli(dir, 'simulator', 'status', 'stagemig.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The simulator state file ${stateFile} is not valid JSON`);
  });

  // A file name the file system refuses for the temporary file written beside it (ENAMETOOLONG): the
  // write fails as root too, where permission bits would not stop it.
  it('advance and faults that cannot write the state file: a clear error naming the file and the fix, nothing changed, exit 1', async () => {
    const { dir } = await planDir();
    const name = `${'s'.repeat(235)}.json`;
    await writeFile(join(dir, 'long.yaml'), PLAN.replace('type: simulator', `type: simulator\n  stateFile: ${name}`));
    await writeFile(join(dir, 'slow.yaml'), 'latency: 2s\n');
    const before = readdirSync(dir).sort();
    for (const args of [['advance', 'long.yaml', '1h'], ['faults', 'long.yaml', 'slow.yaml'], ['faults', 'long.yaml', '--clear']]) {
      const r = await cli(dir, 'simulator', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`error: The simulator state file ${name} cannot be written (ENAMETOOLONG); nothing was changed`);
      expect(r.stderr).toContain('(or set backend.stateFile to another path), then run the command again.');
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(before); // no state file, no temporary file, no lock left behind
  });

  it('advance and faults on a state path that is a non-empty folder: a clear error naming it, exit 1', async () => {
    const { dir, stateFile } = await planDir();
    await mkdir(join(stateFile, 'inside'), { recursive: true });
    await writeFile(join(dir, 'slow.yaml'), 'latency: 2s\n');
    for (const args of [['advance', 'stagemig.yaml', '1h'], ['faults', 'stagemig.yaml', 'slow.yaml']]) {
      const r = await cli(dir, 'simulator', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`The simulator state file ${stateFile} is a directory, not a file`);
      expect(r.stderr).not.toContain('internal error');
    }
    expect(readdirSync(stateFile)).toEqual(['inside']);
  });
});
