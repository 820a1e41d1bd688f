import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { copyExample, PASSWORD } from '../helpers/cli.js';

function memoryIo(cwd: string, answer: string): Io & { out: string[]; err: string[]; questions: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  return {
    out, err, questions,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    isTTY: true,
    stdinIsTTY: true,
    color: false,
    env: { STAGEMIG_ONPREM_PASSWORD: PASSWORD },
    cwd,
    prompt: async (q) => {
      questions.push(q);
      return answer;
    },
    now: () => new Date('2026-11-25T09:00:00Z'),
    onInterrupt: () => () => {},
  };
}

describe('apply on a terminal', () => {
  it('asks for approval and changes nothing unless the answer is exactly yes', async () => {
    const dir = copyExample();
    const io = memoryIo(dir, 'y');
    expect(await run(['apply', 'stagemig.yaml'], io)).toBe(1);
    expect(io.questions.join('')).toContain("Only 'yes' will be accepted");
    expect(io.err.join('')).toContain('Apply cancelled: nothing was changed.');
    expect(existsSync(join(dir, '.stagemig', 'simulator.json'))).toBe(false);
  });

  it('runs the steps after yes', async () => {
    const dir = copyExample();
    const io = memoryIo(dir, 'yes');
    expect(await run(['apply', 'stagemig.yaml'], io)).toBe(0);
    expect(io.out.join('')).toContain('Apply complete! 4 cmdlets run.');
    expect(await run(['plan', 'stagemig.yaml', '--detailed-exitcode'], memoryIo(dir, ''))).toBe(0);
  });

  it('runs nothing when the service changed while the plan was reviewed', async () => {
    const dir = copyExample();
    // A second plan over the same simulated service: another admin applies it while the first plan waits for yes.
    copyFileSync(join(dir, 'stagemig.yaml'), join(dir, 'colleague.yaml'));
    const io = memoryIo(dir, 'yes');
    let colleague = -1;
    let stateSeen = '';
    io.prompt = async (q) => {
      io.questions.push(q);
      colleague = await run(['apply', 'colleague.yaml', '--auto-approve'], memoryIo(dir, ''));
      stateSeen = readFileSync(join(dir, '.stagemig', 'simulator.json'), 'utf8');
      return 'yes';
    };
    expect(await run(['apply', 'stagemig.yaml'], io)).toBe(1);
    expect(colleague).toBe(0);
    expect(io.err.join('')).toContain('The migration service changed while the plan was being reviewed');
    expect(io.err.join('')).toContain('Nothing was run.');
    // The service is as the colleague left it: nothing created twice.
    expect(readFileSync(join(dir, '.stagemig', 'simulator.json'), 'utf8')).toBe(stateSeen);
    expect(await run(['plan', 'stagemig.yaml', '--detailed-exitcode'], memoryIo(dir, ''))).toBe(0);
  });
});
