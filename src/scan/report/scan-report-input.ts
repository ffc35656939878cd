import type { RuleMeta } from '../core/detector.js';
import type { ScanResult } from '../index.js';

/** What every scan reporter gets: the result, the rules it may cite, and the root paths are relative to. */
export interface ScanReportInput {
  result: ScanResult;
  rules: ReadonlyMap<string, RuleMeta>;
  /** Absolute scan root (SARIF's SRCROOT), null when several roots were scanned. */
  root: string | null;
  toolVersion: string;
}

export type ScanReporter = (input: ScanReportInput) => string;
