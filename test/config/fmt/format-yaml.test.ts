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
      '', // the blank line version had: version moved to the front, batches left it
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

describe('formatPlanYaml on keys out of order: the layout of the same file written in order', () => {
  const lines = (...l: string[]) => [...l, ''].join('\n');
  const cases: [string, string, string][] = [
    [
      'the file header stays on top, with no blank line it did not have',
      lines('# header', '#', '# more header', 'organization: x', 'version: 1', '', 'sso: false'),
      lines('# header', '#', '# more header', 'version: 1', 'organization: x', '', 'sso: false'),
    ],
    [
      'the blank line below the header stays there; a key keeps its own comment below it',
      lines('# header', '', '# the tenant', 'organization: x', 'version: 1', '', 'sso: false'),
      lines('# header', '', 'version: 1', '# the tenant', 'organization: x', '', 'sso: false'),
    ],
    [
      'a key moving to the front hands its blank line to the key it displaced; other keys keep theirs',
      lines('batches:', '  B1:', '    csv: b1.csv', '', '# sign-in', 'sso: true', '', 'version: 1', 'organization: x'),
      lines('version: 1', 'organization: x', '', '# sign-in', 'sso: true', '', 'batches:', '  B1:', '    csv: b1.csv'),
    ],
    [
      'a comment and a blank line after a nested map stay above the key that follows it',
      lines('version: 1', 'sso: false', 'backend:', '  type: simulator', '  # stateFile: s.json', '', 'endpoints: {}'),
      lines('version: 1', 'backend:', '  type: simulator', '  # stateFile: s.json', 'sso: false', '', 'endpoints: {}'),
    ],
    [
      'inside an endpoint: the comment above its first key goes with that key; comments on a line stay on it',
      lines(
        'version: 1',
        'endpoints:',
        '  E1: # the only one',
        '    # who signs in',
        '    credentials:',
        '      passwordEnv: PW # from the CI secret store',
        '      username: admin',
        '    autodiscover: true',
        '    type: ExchangeOutlookAnywhere',
      ),
      lines(
        'version: 1',
        'endpoints:',
        '  E1: # the only one',
        '    type: ExchangeOutlookAnywhere',
        '    autodiscover: true',
        '    # who signs in',
        '    credentials:',
        '      username: admin',
        '      passwordEnv: PW # from the CI secret store',
      ),
    ],
    [
      'inside a batch: a blank line below its name stays there; the batches keep the written order',
      lines(
        'version: 1',
        'batches:',
        '  Second:',
        '',
        '    # on hold',
        '    state: stopped',
        '    csv: b2.csv',
        '',
        '    endpoint: E1',
        '  First:',
        '    csv: b1.csv',
        '    endpoint: E1',
      ),
      lines(
        'version: 1',
        'batches:',
        '  Second:',
        '',
        '    endpoint: E1',
        '    csv: b2.csv',
        '',
        '    # on hold',
        '    state: stopped',
        '  First:',
        '    endpoint: E1',
        '    csv: b1.csv',
      ),
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    const out = fmt(input);
    expect(out).toBe(expected);
    expect(fmt(out)).toBe(out);
    expect(fmt(expected)).toBe(expected); // the same file written in order is already formatted
  });
});
