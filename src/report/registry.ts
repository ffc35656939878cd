import { csvReporter } from './csv.js';
import { htmlReporter } from './html/render-html.js';
import { jsonReporter } from './json.js';
import type { Reporter } from './report-input.js';

export type ReportFormat = 'html' | 'json' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'json', 'csv'];

/** Every reporter, by name. Adding a format = one module exporting a Reporter + one line here. */
export const REPORTERS: ReadonlyMap<ReportFormat, Reporter> = new Map<ReportFormat, Reporter>([
  ['html', htmlReporter],
  ['json', jsonReporter],
  ['csv', csvReporter],
]);
