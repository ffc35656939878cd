const DAY_MS = 86_400_000;

/** "enforced" or "in N days" relative to the analysis time, so a reader sees how much time is left. */
export function relativeToAsOf(date: string, asOf: string): string {
  const target = Date.parse(`${date}T00:00:00Z`);
  const now = Date.parse(asOf);
  if (Number.isNaN(target) || Number.isNaN(now)) return '';
  if (target <= now) return 'enforced';
  const days = Math.ceil((target - now) / DAY_MS);
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
