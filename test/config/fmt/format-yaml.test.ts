import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPlanYaml } from '../../../src/config/fmt/index.js';
import { EXAMPLE } from '../../helpers/cli.js';

const fmt = (text: string) => {
  const r = formatPlanYaml(text, '/plans/p.yaml', 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.summary).join('; '));
  return r.text;
};

const SCRAMBLED = [
  '# yaml-language-server: $schema=../schemas/stagemig.schema.json',
  '# Wave plan for Contoso',
  'batches:',
  '    # the pilot',
  '    B1:',
  "        notificationEmails: ['a@contoso.com', \"b@contoso.com\"]",
  "        state: 'started'   # keep running",
  '        csv: "b1.csv"',
  '        endpoint: E1',
  'endpoints:',
  '    E1:   # the only endpoint',
  "        credentials: {passwordEnv: PW, username: 'CONTOSO\\admin'}",
  '        type: ExchangeOutlookAnywhere',
  '        emailAddress: "admin@contoso.com"',
  '        autodiscover: true',
  '        # end of E1',
  '',
  '# the format version',
  'version: 1',
  "organization: 'contoso.onmicrosoft.com'",
  '',
].join('\n');

describe('formatPlanYaml', () => {
  it('leaves the bundled example as it is (it is formatted)', () => {
    const text = readFileSync(join(EXAMPLE, 'stagemig.yaml'), 'utf8');
    const r = formatPlanYaml(text, join(EXAMPLE, 'stagemig.yaml'), 'stagemig.yaml');
    expect(r).toEqual({ ok: true, text, changed: false });
  });

  it('puts keys in schema order, re-indents, unquotes, and keeps every comment next to its key', () => {
    const out = fmt(SCRAMBLED);
    expect(out).toBe([
      '# yaml-language-server: $schema=../schemas/stagemig.schema.json',
      '# Wave plan for Contoso',
      '',
      '# the format version',
      'version: 1',
      'organization: contoso.onmicrosoft.com',
      'endpoints:',
      '  E1: # the only endpoint',
      '    type: ExchangeOutlookAnywhere',
      '    autodiscover: true',
      '    emailAddress: admin@contoso.com',
      '    credentials: {username: CONTOSO\\admin, passwordEnv: PW}',
      '    # end of E1',
      'batches:',
      '  # the pilot',
      '  B1:',
      '    endpoint: E1',
      '    csv: b1.csv',
      '    state: started # keep running',
      '    notificationEmails: [a@contoso.com, b@contoso.com]',
      '',
    ].join('\n'));
    expect(parse(out)).toEqual(parse(SCRAMBLED));
    expect(fmt(out)).toBe(out);
  });

  it('keeps a comment above a top-level key at the top level, with its blank line', () => {
    const text = 'version: 1\nbackend:\n  type: simulator\n  # inside backend\n\n# about sso\nsso: false\n';
    expect(fmt(text)).toBe(text);
  });

  it('quotes only what YAML needs, keeps merge keys first and block scalars as they are', () => {
    const text = ['batches:', '  A: &w', '    csv: a.csv', '    endpoint: E', '  B:', "    csv: 'b.csv'", '    <<: *w', 'backend: {type: simulator, appId: \'12345\'}', 'version: 1', ''].join('\n');
    expect(fmt(text)).toBe(['version: 1', 'backend: {type: simulator, appId: "12345"}', 'batches:', '  A: &w', '    endpoint: E', '    csv: a.csv', '  B:', '    <<: *w', '    csv: b.csv', ''].join('\n'));
  });

  it('leaves an empty or comment-only file alone, and normalises CRLF line endings', () => {
    expect(formatPlanYaml('', '/p.yaml', 'p.yaml')).toEqual({ ok: true, text: '', changed: false });
    expect(formatPlanYaml('# nothing yet\n', '/p.yaml', 'p.yaml')).toEqual({ ok: true, text: '# nothing yet\n', changed: false });
    expect(formatPlanYaml('version: 1\r\norganization: x\r\n', '/p.yaml', 'p.yaml')).toEqual({ ok: true, text: 'version: 1\norganization: x\n', changed: true });
  });

  it('reports a syntax error with its position and formats nothing', () => {
    const r = formatPlanYaml('version: 1\norganization: "contoso\n', '/plans/p.yaml', 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', range: { file: 'p.yaml', start: { line: 2, col: 15 } } });
  });

  it('refuses rather than break an alias that would come before its anchor', () => {
    const r = formatPlanYaml('batches: &b {}\nversion: *b\n', '/plans/p.yaml', 'p.yaml');
    expect(r.ok).toBe(false);
  });
});
