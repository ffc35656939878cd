/** How much of a bad record's text the quarantine keeps: enough to see the problem, never a whole blob. */
export const QUARANTINE_RAW_LIMIT = 2000;

export interface QuarantineEntry {
  line: number | null;
  reason: string;
  raw: string;
}

export function truncateRaw(raw: string): string {
  return raw.length <= QUARANTINE_RAW_LIMIT ? raw : raw.slice(0, QUARANTINE_RAW_LIMIT);
}
