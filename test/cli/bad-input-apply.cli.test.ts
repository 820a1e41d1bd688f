import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';

const FIXTURES = resolve(__dirname, '../fixtures/config');
const BAD = ['csv-errors', 'references', 'schema-errors', 'secrets', 'yaml-syntax'];

/** Every file below `dir`, relative to it. */
const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();

describe('plan and apply on bad input', () => {
  for (const name of BAD) {
    it(`${name}: exit 1 with file:line diagnostics, and nothing is written`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `stagemig-bad-${name}-`));
      cpSync(join(FIXTURES, name), dir, { recursive: true });
      const before = filesBelow(dir);
      for (const args of [['plan', 'stagemig.yaml'], ['apply', 'stagemig.yaml', '--auto-approve']]) {
        const r = await runCli(args, { cwd: dir });
        expect(r.exitCode, args.join(' ')).toBe(1);
        expect(r.stderr).toMatch(/^\S+\.(yaml|csv):\d+(:\d+)?: error: /m);
        expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
        expect(r.stdout).not.toContain('[1/');
      }
      expect(filesBelow(dir)).toEqual(before);
    });
  }
});
