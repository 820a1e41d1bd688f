// Times and durations as the terminal views show them.
//
// Must not: read files, the service or the clock: data in, text out (a view object writes only to the streams it is given).

/** 2026-11-25T13:10:42Z → "2026-11-25 13:10 UTC". */
export function shortUtc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
