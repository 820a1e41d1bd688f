// Durations for `stagemig simulator advance`: 90s, 30m, 6h, 2d, 1h30m, 1d12h.

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
