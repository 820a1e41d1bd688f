// jsonPieces: joined, exactly JSON.stringify's text, at every depth; written in pieces by the atomic writer.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeFileAtomic, writeFileAtomicSync } from '../../src/files/index.js';

const VALUES: unknown[] = [
  { format: 'x', n: 1, nested: { a: [1, 'two', null, undefined, () => 1], b: undefined, 'quo"te': 'v\n' }, empty: {}, list: [] },
  [undefined, { when: new Date(0) }, [[1], []], 'é\u2028'],
  'plain', 42, null, true,
  { batches: { W1: { state: 'started', users: ['a@x.com', 'b@x.com'] }, W2: { state: 'removed', users: [] } } },
];

describe('jsonPieces', () => {
  it('joins to JSON.stringify of the value at every depth', () => {
    for (const value of VALUES) {
      for (const depth of [0, 1, 2, 3, 5]) expect([...jsonPieces(value, depth)].join('')).toBe(JSON.stringify(value));
    }
  });

  it('opens up only as many levels as asked: one piece per entry of the last level opened', () => {
    const value = { batches: { W1: { users: ['a@x.com'] }, W2: { users: ['b@x.com'] } } };
    expect([...jsonPieces(value, 2)]).toEqual(['{', '"batches":', '{', '"W1":', '{"users":["a@x.com"]}', ',"W2":', '{"users":["b@x.com"]}', '}', '}']);
  });
});

describe('atomic writes in pieces', () => {
  it('write the pieces one after another, small and large, sync and async', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagemig-pieces-'));
    const big = 'x'.repeat(100_000);
    const pieces = ['{"a":', JSON.stringify(big), ',"b":"é"}', '\n'];
    writeFileAtomicSync(join(dir, 'sync.json'), pieces);
    await writeFileAtomic(join(dir, 'async.json'), (function* () {
      yield* pieces;
    })());
    for (const name of ['sync.json', 'async.json']) expect(readFileSync(join(dir, name), 'utf8')).toBe(pieces.join(''));
  });
});
