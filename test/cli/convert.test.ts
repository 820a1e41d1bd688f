// `stagemig convert` in-process: refuses until the batch is Synced, then writes the data files and the
// Exchange 2007 script (no secret, deterministic), and says what is wrong otherwise.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { schemaErrors } from '../helpers/json-schema.js';

const NOW = { STAGEMIG_NOW: '2026-11-25T09:00:00Z' };
const utf16 = (file: string): string => {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  return bytes.subarray(2).toString('utf16le');
};
const csvRows = (text: string): string[][] =>
  text.trimEnd().split('\r\n').map((line) => line.slice(1, -1).split('","').map((c) => c.replace(/""/g, '"')));

describe('stagemig convert', () => {
  let synced: string;
  beforeAll(async () => {
    synced = copyExample();
    expect((await runCli(['apply', 'stagemig.yaml', '--auto-approve', '--wait'], { cwd: synced, env: NOW })).exitCode).toBe(0);
  });

  it('refuses a batch that is not Synced, names its mailboxes and writes nothing', async () => {
    const dir = copyExample();
    const r = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch1', '--out', 'conv'], { cwd: dir, env: NOW });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('10 of 10 mailboxes of batch StagedBatch1 are not Synced; nothing was written');
    expect(r.stderr).toContain('annb@contoso.com: not in the batch on the service (run stagemig apply)');
    expect(existsSync(join(dir, 'conv'))).toBe(false);

    const stopped = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch3', '--out', 'conv'], { cwd: synced, env: NOW });
    expect(stopped.exitCode).toBe(1);
    expect(stopped.stderr).toMatch(/dana\.whitfield@contoso\.com: \w+/);
    expect(existsSync(join(synced, 'conv'))).toBe(false);
  });

  it('writes mailboxes.csv, proxy-addresses.csv (UTF-16 with BOM, CRLF, quoted) and the script for a Synced batch', async () => {
    const r = await runCli(['convert', 'stagemig.yaml', '--batch', 'stagedbatch1', '--out', 'conv/wave1'], { cwd: synced, env: NOW });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Batch StagedBatch1: 10 mailboxes Synced');
    expect(r.stdout).toContain('.\\Convert-StagemigBatch.ps1 -DomainController <domain controller FQDN>');
    const out = join(synced, 'conv', 'wave1');
    const rows = csvRows(utf16(join(out, 'mailboxes.csv')));
    expect(rows[0]).toEqual(['EmailAddress', 'RoutingAddress', 'CloudLegacyExchangeDN', 'ExchangeGuid']);
    const csv = readFileSync(join(synced, 'batches', 'wave1-it-pilot.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]!.toLowerCase());
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual([...csv].sort());
    const ann = rows.find((row) => row[0] === 'annb@contoso.com')!;
    expect(ann[1]).toBe('annb@contoso.mail.onmicrosoft.com');
    expect(ann[2]).toMatch(/^\/o=ExchangeLabs\/ou=Exchange Administrative Group \(FYDIBOHF23SPDLT\)\/cn=Recipients\/cn=/);
    expect(ann[3]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const proxies = csvRows(utf16(join(out, 'proxy-addresses.csv')));
    expect(proxies[0]).toEqual(['EmailAddress', 'ProxyAddress']);
    expect(proxies).toContainEqual(['annb@contoso.com', 'smtp:annb@contoso.onmicrosoft.com']);
    const script = readFileSync(join(out, 'Convert-StagemigBatch.ps1'));
    expect(script.toString('latin1')).toMatch(/^# Convert-StagemigBatch\.ps1/);
    expect(script.includes(Buffer.from('\n')) && !/[^\r]\n/.test(script.toString('latin1'))).toBe(true);
    expect([...script].every((b) => b < 0x80)).toBe(true);
  });

  it('writes no secret: the CSV passwords of the batch appear in no output', async () => {
    const r = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch2', '--out', 'conv2'], { cwd: synced, env: NOW });
    expect(r.exitCode).toBe(0);
    const passwords = readFileSync(join(synced, 'batches', 'wave2-sales.csv'), 'utf8').trim().split(/\r?\n/).slice(1)
      .map((l) => l.replace(/"/g, '').split(',')[1]!).filter((p) => p !== '');
    expect(passwords.length).toBeGreaterThan(3);
    const outputs = [r.stdout, r.stderr, ...['mailboxes.csv', 'proxy-addresses.csv', 'Convert-StagemigBatch.ps1']
      .map((f) => { const b = readFileSync(join(synced, 'conv2', f)); return b.toString('utf16le') + b.toString('utf8'); })];
    for (const p of [...passwords, 'Rehearsal-Only-9f3b']) for (const o of outputs) expect(o).not.toContain(p);
  });

  it('writes the same bytes for the same service state', async () => {
    await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch2', '--out', 'again'], { cwd: synced, env: NOW });
    for (const f of ['mailboxes.csv', 'proxy-addresses.csv', 'Convert-StagemigBatch.ps1']) {
      expect(readFileSync(join(synced, 'again', f)).equals(readFileSync(join(synced, 'conv2', f)))).toBe(true);
    }
  });

  it('says what is wrong with the arguments', async () => {
    const typo = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatc1', '--out', 'x'], { cwd: synced, env: NOW });
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain('--batch StagedBatc1 does not name a batch in the plan');
    expect(typo.stderr).toContain('StagedBatch1');
    writeFileSync(join(synced, 'a-file'), 'x');
    const file = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch1', '--out', 'a-file'], { cwd: synced, env: NOW });
    expect(file.exitCode).toBe(1);
    expect(file.stderr).toContain('--out a-file is a file, not a folder');
    const missing = await runCli(['convert', 'stagemig.yaml', '--out', 'x'], { cwd: synced, env: NOW });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("required option '--batch <name>' not specified");
  });

  it('--format json: one versioned document (schemas/convert-output.schema.json), the same files as human', async () => {
    const r = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch2', '--out', 'conv-json', '--format', 'json'], { cwd: synced, env: NOW });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as {
      kind: string; written: boolean; batch: string; out_dir: string; files: Array<{ name: string; bytes: number }>;
      mailboxes: Array<{ email_address: string; routing_address: string; proxy_addresses: string[] }>; next: { command: string; record: string }; diagnostics: unknown[];
    };
    expect(schemaErrors('convert', doc)).toEqual([]);
    expect(doc).toMatchObject({ kind: 'convert', written: true, batch: 'StagedBatch2', out_dir: join(synced, 'conv-json'), diagnostics: [] });
    expect(doc.files.map((f) => f.name)).toEqual(['mailboxes.csv', 'proxy-addresses.csv', 'Convert-StagemigBatch.ps1']);
    for (const f of doc.files) {
      const bytes = readFileSync(join(synced, 'conv-json', f.name));
      expect(bytes.length).toBe(f.bytes);
      expect(bytes.equals(readFileSync(join(synced, 'conv2', f.name)))).toBe(true);
    }
    const rows = csvRows(utf16(join(synced, 'conv-json', 'mailboxes.csv'))).slice(1);
    expect(doc.mailboxes.map((m) => [m.email_address, m.routing_address])).toEqual(rows.map((row) => [row[0], row[1]]));
    expect(doc.mailboxes.every((m) => m.routing_address.endsWith('.mail.onmicrosoft.com'))).toBe(true);
    expect(doc.next).toEqual({ script: 'Convert-StagemigBatch.ps1', command: '.\\Convert-StagemigBatch.ps1 -DomainController <domain controller FQDN>', record: 'batches.StagedBatch2.convertedAt' });
    const passwords = readFileSync(join(synced, 'batches', 'wave2-sales.csv'), 'utf8').trim().split(/\r?\n/).slice(1)
      .map((l) => l.replace(/"/g, '').split(',')[1]!).filter((p) => p !== '');
    for (const p of passwords) expect(r.stdout).not.toContain(p);
  });

  it('--format json: a refusal is still one document, written false, the errors in diagnostics; nothing written', async () => {
    const dir = copyExample();
    const r = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch1', '--out', 'conv', '--format', 'json'], { cwd: dir, env: NOW });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('10 of 10 mailboxes of batch StagedBatch1 are not Synced; nothing was written');
    const doc = JSON.parse(r.stdout) as { written: boolean; files: unknown[]; mailboxes: unknown[]; next: unknown; diagnostics: Array<{ code: string; severity: string; address: string }> };
    expect(schemaErrors('convert', doc)).toEqual([]);
    expect(doc).toMatchObject({ written: false, files: [], mailboxes: [], next: null, batch: 'StagedBatch1', out_dir: null });
    expect(doc.diagnostics).toMatchObject([{ severity: 'error', code: 'CONVERT_NOT_SYNCED', address: 'batch.StagedBatch1' }]);
    expect(existsSync(join(dir, 'conv'))).toBe(false);
    const bad = await runCli(['convert', 'stagemig.yaml', '--batch', 'StagedBatch1', '--out', 'conv', '--format', 'yaml'], { cwd: dir, env: NOW });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('Unknown output format "yaml"');
    expect(bad.stdout).toBe('');
  });
});
