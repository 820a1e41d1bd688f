// JSON.stringify's text in pieces, for files too large to hold as one string: the pieces, joined, are
// byte for byte what JSON.stringify(value) gives (no indentation), and none is larger than what
// `depth` levels of objects and arrays leave for one stringify.
//
// Must not: print, or know what a plan or the service is: values in, text out.

const isContainer = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** JSON.stringify(value) as pieces: the first `depth` levels of objects and arrays are opened up, one entry per piece. */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || !isContainer(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* omitted(value[i]) ? ['null'] : jsonPieces(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (omitted(v)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(v, depth - 1);
  }
  yield '}';
}
