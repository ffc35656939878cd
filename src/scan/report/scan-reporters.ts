import type { ScanReporter } from './scan-report-input.js';
import { scanJsonReporter } from './scan-json.js';
import { scanSarifReporter } from './scan-sarif.js';
import { scanTableReporter } from './scan-table.js';

export type ScanFormat = 'table' | 'json' | 'sarif';
export const SCAN_FORMATS: readonly ScanFormat[] = ['table', 'json', 'sarif'];

/** Every scan output format, by name: a function from the scan result to text. */
export const SCAN_REPORTERS: ReadonlyMap<ScanFormat, ScanReporter> = new Map<ScanFormat, ScanReporter>([
  ['table', scanTableReporter],
  ['json', scanJsonReporter],
  ['sarif', scanSarifReporter],
]);
