// lazyList: an array in every way a reader can tell, whose elements are made on the first read of one.
import { describe, expect, it } from 'vitest';
import { lazyList } from '../../src/model/lazy-list.js';

function counted(items: string[]) {
  let calls = 0;
  const list = lazyList(items.length, () => {
    calls++;
    return items;
  });
  return { list, calls: () => calls };
}

describe('lazyList', () => {
  it('gives its length without making its elements', () => {
    const { list, calls } = counted(['a', 'b', 'c']);
    expect(list.length).toBe(3);
    expect(Array.isArray(list)).toBe(true);
    expect(calls()).toBe(0);
  });

  it('makes its elements once, on the first read, and then reads like the array it was given', () => {
    const { list, calls } = counted(['a', 'b', 'c']);
    expect(list[1]).toBe('b');
    expect(calls()).toBe(1);
    expect([...list]).toEqual(['a', 'b', 'c']);
    expect(list.map((x) => x.toUpperCase())).toEqual(['A', 'B', 'C']);
    expect(list.slice(1)).toEqual(['b', 'c']);
    expect(JSON.stringify({ added: list })).toBe('{"added":["a","b","c"]}');
    expect(list).toEqual(['a', 'b', 'c']);
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(calls()).toBe(1);
  });

  it('serialises as JSON from scratch, without being read first', () => {
    const { list } = counted(['x@contoso.com']);
    expect(JSON.parse(JSON.stringify([list]))).toEqual([['x@contoso.com']]);
  });

  it('refuses writes', () => {
    const { list } = counted(['a']);
    expect(() => ((list as string[])[0] = 'b')).toThrow(TypeError);
    expect(() => (list as string[]).push('b')).toThrow(TypeError);
    expect(list).toEqual(['a']);
  });

  it('says so when what it is given does not have the length it was promised', () => {
    const list = lazyList(2, () => ['only one']);
    expect(() => list[0]).toThrow(/made 1 elements, expected 2/);
  });
});
