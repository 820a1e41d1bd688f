// A read-only array whose elements are made on first use. A plan of 100 batches × 2,000 new mailboxes
// holds each batch's addresses this way: `plan` shows only their number, so 200,000 strings are never
// made, and never copied by the garbage collector or given fresh memory (the larger part of reading
// the CSV files, measured by `npm run bench`). JSON output, markdown and apply read the elements and
// get them, made once.
//
// Must not: be written to (set, define and delete throw), or make its elements before one is read.
/** A read-only array of `length` elements that `make` gives, called on the first read of anything but its length. */
export function lazyList<T>(length: number, make: () => readonly T[]): readonly T[] {
  const target: T[] = [];
  let made = false;
  const real = (): T[] => {
    if (!made) {
      made = true;
      const items = make();
      if (items.length !== length) throw new Error(`lazy list: made ${items.length} elements, expected ${length}`);
      for (let i = 0; i < items.length; i++) target.push(items[i]!);
    }
    return target;
  };
  const refuse = (): never => {
    throw new TypeError('a lazily made list is read-only');
  };
  return new Proxy(target, {
    get: (_, key, receiver) => (key === 'length' && !made ? length : Reflect.get(real(), key, receiver)),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
