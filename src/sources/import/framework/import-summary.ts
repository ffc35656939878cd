/** The kinds of record an import counts, as `--format json` reports them. */
export type RecordKind = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity' | 'activity' | 'audit' | 'directory';
export const RECORD_KINDS: readonly RecordKind[] = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity', 'activity', 'audit', 'directory'];

export interface Counts {
  read: number;
  /** New records. */
  stored: number;
  /** Later versions of a sign-in merged over an earlier one (steps appended, risk evaluated later), or superseded in the same file. */
  updated: number;
  /** The same record again (a re-delivery, a re-import, a copy from another export). */
  duplicates: number;
  quarantined: number;
}

/** One file's reconciliation: read = stored + updated + duplicates + quarantined. */
export interface FileSummary extends Counts {
  path: string;
  /** The format the file was read as, or null when it matched none. */
  format: string | null;
  /** Why the file (or its tail) could not be read: no known format, truncated gzip or JSON, unreadable. */
  error: string | null;
}

/** An entry a folder walk left out because it can never be a log (framework/never-logs.ts). */
export interface SkippedPath {
  path: string;
  /** Why, as a noun phrase: "Markdown text", "a licence", "a git folder". */
  reason: string;
  /** A whole folder (`.git/`, a hidden folder) counts as one entry. */
  folder: boolean;
}

export interface ImportSummary {
  files: FileSummary[];
  totals: Record<RecordKind, Counts>;
  /** Additive: how many entries were skipped as never logs, and which (`files` lists only what was tried). */
  skipped: number;
  skippedFiles: SkippedPath[];
}

export function zeroCounts(): Counts {
  return { read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0 };
}

export function emptyTotals(): Record<RecordKind, Counts> {
  return {
    interactiveUser: zeroCounts(),
    nonInteractiveUser: zeroCounts(),
    servicePrincipal: zeroCounts(),
    managedIdentity: zeroCounts(),
    activity: zeroCounts(),
    audit: zeroCounts(),
    directory: zeroCounts(),
  };
}

export function addCounts(into: Counts, more: Counts): void {
  into.read += more.read;
  into.stored += more.stored;
  into.updated += more.updated;
  into.duplicates += more.duplicates;
  into.quarantined += more.quarantined;
}

/** The counts of `kind` in `map`, added at zero the first time a kind is counted. */
export function countsFor(map: Map<RecordKind | 'unknown', Counts>, kind: RecordKind | 'unknown'): Counts {
  const existing = map.get(kind);
  if (existing) return existing;
  const fresh = zeroCounts();
  map.set(kind, fresh);
  return fresh;
}
