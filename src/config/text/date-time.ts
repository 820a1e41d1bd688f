// ISO-8601 date and time with an explicit UTC offset, as `startAfter` takes it: 2026-11-30T18:00:00+01:00.
//
// Must not: contact the service or print: problems come back as diagnostics naming file, line and column.

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real date and time with a `Z` or ±hh:mm offset (no local times: they are ambiguous). */
export function isDateTimeWithOffset(text: string): boolean {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && !Number.isNaN(Date.parse(text));
}
