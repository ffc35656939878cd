/** What each integrity check is called: stable ids, printed by `unattended verify-store` and read by tests. */
export const INTEGRITY_CHECKS = [
  'schema',
  'readable',
  'batches-finished',
  'rows-have-batches',
  'batch-counts',
  'quarantine-counts',
  'rollup-coverage',
  'rollups-rebuild',
  'mfa-basis',
  'summary',
  'snapshots',
  'checkpoints',
] as const;

export type IntegrityCheckName = (typeof INTEGRITY_CHECKS)[number];

/** `skipped`: the store has nothing for the check to judge (no such table yet, rollups of another definition). */
export type IntegrityStatus = 'ok' | 'failed' | 'skipped';

export interface IntegrityCheck {
  name: IntegrityCheckName;
  status: IntegrityStatus;
  /** One sentence: what was compared and with what result (counts), or what is wrong. */
  detail: string;
}

export interface IntegrityReport {
  path: string;
  ok: boolean;
  checks: IntegrityCheck[];
}
