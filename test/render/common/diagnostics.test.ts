import { describe, expect, it } from 'vitest';
import { error, warning } from '../../../src/diag/index.js';
import { renderDiagnostics } from '../../../src/render/common/diagnostics.js';

describe('renderDiagnostics (human)', () => {
  it('prints file:line:col, the excerpt with a caret under the range, detail and hint', () => {
    const d = error('UNKNOWN_KEY', 'Unknown key `maxConcurentMigrations` in endpoint `E`', {
      range: { file: 'plan.yaml', start: { line: 12, col: 5 }, end: { line: 12, col: 27 } },
      excerpt: '    maxConcurentMigrations: 20',
      detail: 'Allowed keys here: `type`.',
      hint: 'did you mean `maxConcurrentMigrations`?',
    });
    expect(renderDiagnostics([d], { color: false })).toBe(
      [
        'plan.yaml:12:5: error: Unknown key `maxConcurentMigrations` in endpoint `E`',
        '  12 |     maxConcurentMigrations: 20',
        '     |     ^^^^^^^^^^^^^^^^^^^^^^',
        '  Allowed keys here: `type`.',
        '  hint: did you mean `maxConcurrentMigrations`?',
        '',
      ].join('\n'),
    );
  });

  it('prints CSV problems as file:line without a column, and separates diagnostics with a blank line', () => {
    const a = error('CSV_INVALID_ADDRESS', '"x" is not a valid SMTP address', { range: { file: 'a.csv', start: { line: 3, col: 1 } }, hint: 'Fix it.' });
    const b = warning('YAML_SYNTAX', 'Odd', { hint: 'Look.' });
    expect(renderDiagnostics([a, b], { color: false })).toBe(
      'a.csv:3: error: "x" is not a valid SMTP address\n  hint: Fix it.\n\nwarning: Odd\n  hint: Look.\n',
    );
  });

  it('clips long lines around the caret and keeps tabs aligned', () => {
    const line = `${'x'.repeat(100)}: bad value here ${'y'.repeat(100)}`;
    const d = error('SCHEMA_VIOLATION', 'Bad', { range: { file: 'p.yaml', start: { line: 1, col: 103 } }, excerpt: line });
    const [, src, caret] = renderDiagnostics([d], { color: false }).split('\n');
    expect(src?.length).toBeLessThanOrEqual(2 + 4 + 82);
    expect(src?.indexOf('bad value')).toBe(caret?.indexOf('^'));
    const tab = error('YAML_SYNTAX', 'Tab', { range: { file: 'p.yaml', start: { line: 2, col: 3 } }, excerpt: '\t\tx: 1' });
    const [, s2, c2] = renderDiagnostics([tab], { color: false }).split('\n');
    expect(s2).toBe('  2 |   x: 1');
    expect(c2?.indexOf('^')).toBe(s2?.indexOf('x'));
  });

  it('colours only when asked', () => {
    const d = error('USAGE', 'Nope', { hint: 'h' });
    expect(renderDiagnostics([d], { color: false })).not.toContain('\u001b[');
    expect(renderDiagnostics([d], { color: true })).toContain('\u001b[');
  });
});
