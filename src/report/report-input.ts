import type { AnalysisResult } from '../model/analysis.js';
import type { ScanFinding } from '../model/scan-finding.js';

/** One batch of the store as the report shows it under "data coverage". */
export interface ImportSummary {
  file: string;
  format: string | null;
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

/** Everything a reporter may read. Reporters never query the store: the CLI builds this (store → read model → reporters). */
export interface ReportInput {
  analysis: AnalysisResult;
  scanFindings: ScanFinding[];
  imports: ImportSummary[];
  /** ISO-8601; passed in (not read from the clock) so the same input gives the same bytes. */
  generatedAt: string;
}

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array | string;
}

export type Reporter = (input: ReportInput) => ReportFile[];
