import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_HTML } from './html/render-html.js';
import { ANALYSIS_JSON } from './json.js';
import { REPORTERS, REPORT_FORMATS, type ReportFormat } from './registry.js';
import type { ReportInput } from './report-input.js';

export const DEFAULT_REPORT_DIR = 'unattended-report';

export interface WrittenReport {
  htmlPath: string | null;
  jsonPath: string | null;
  csvPaths: string[];
}

/**
 * Runs the chosen reporters and writes their files into outDir. Each file is written beside itself and renamed
 * into place, so a reader (or a browser refreshing the report) never sees half a file.
 */
export function writeReport(outDir: string, input: ReportInput, formats: readonly ReportFormat[] = REPORT_FORMATS): WrittenReport {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const written: WrittenReport = { htmlPath: null, jsonPath: null, csvPaths: [] };
  for (const format of REPORT_FORMATS) {
    if (!formats.includes(format)) continue;
    const reporter = REPORTERS.get(format);
    if (!reporter) continue;
    for (const file of reporter(input)) {
      const path = join(dir, file.fileName);
      const partial = `${path}.partial`;
      writeFileSync(partial, file.bytes);
      renameSync(partial, path);
      if (file.fileName === REPORT_HTML) written.htmlPath = path;
      else if (file.fileName === ANALYSIS_JSON) written.jsonPath = path;
      else if (format === 'csv') written.csvPaths.push(path);
    }
  }
  return written;
}
