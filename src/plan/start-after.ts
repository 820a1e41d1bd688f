// The `startAfter` time as a cmdlet receives it. Pure.
// Must not: read the clock, or send a time without its zone (the service reads a zone-less time as UTC).

/** ISO-8601 UTC (EXO reads a zone-less time as UTC; this one has no zone to misread). */
export function startAfterUtc(startAfter: string): string {
  return new Date(Date.parse(startAfter)).toISOString().replace(/\.000Z$/, 'Z');
}
