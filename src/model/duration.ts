// Durations, the one helper: parsed from flags and scenarios (90s, 30m, 6h, 2d, 1h30m, 1d12h) and
// written back exactly (formatDuration) or rounded to the two largest units for views (durationText).
//
// Must not: do I/O or import from src/ folders other than diag/.

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
const ORDER = 'dhms';

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  let total = 0;
  let last = -1;
  let rest = s;
  while (rest !== '') {
    const m = /^(\d+)([dhms])/.exec(rest);
    if (!m) return undefined;
    const unit = ORDER.indexOf(m[2]!);
    if (unit <= last) return undefined;
    last = unit;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

/** 5400000 → "1h30m"; 0 → "0s". */
export function formatDuration(msTotal: number): string {
  let rest = Math.floor(msTotal / 1000) * 1000;
  let out = '';
  for (const unit of ORDER) {
    const n = Math.floor(rest / UNIT_MS[unit]!);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * UNIT_MS[unit]!;
  }
  return out === '' ? '0s' : out;
}

/** The two largest units: 45s, 12m, 3h12m, 2d4h. */
export function durationText(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s % 60}s`;
}
