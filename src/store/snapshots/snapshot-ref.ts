import { UsageError } from '../../errors.js';
import type { SnapshotMeta } from '../../model/governance.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The snapshot `--since`/`--baseline` names: a snapshot number, or a date or instant (the last snapshot taken at or
 * before it; a bare date means the end of that day). Null when nothing was taken by then.
 */
export function snapshotAt(snapshots: readonly SnapshotMeta[], ref: string, flag: string): SnapshotMeta | null {
  const text = ref.trim();
  if (/^\d+$/u.test(text)) {
    const id = Number.parseInt(text, 10);
    const found = snapshots.find((snapshot) => snapshot.id === id);
    if (!found) throw new UsageError(`${flag} ${text}: no snapshot ${text}`, `the store has snapshots ${snapshots.length === 0 ? '(none yet: run unattended analyze)' : `1 to ${snapshots.at(-1)?.id ?? 1}`}`);
    return found;
  }
  const instant = DAY.test(text) ? Date.parse(`${text}T23:59:59.999Z`) : Date.parse(text);
  if (Number.isNaN(instant) || !/^\d{4}-\d{2}-\d{2}/u.test(text)) throw new UsageError(`${flag} ${text} is neither a snapshot number nor a date`, `give ${flag} as a snapshot number (unattended diff --list) or YYYY-MM-DD`);
  const cutoff = new Date(instant).toISOString();
  return [...snapshots].reverse().find((snapshot) => snapshot.takenAt <= cutoff) ?? null;
}
