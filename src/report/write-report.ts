import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_HTML } from './html/render-html.js';
import { ANALYSIS_JSON } from './json.js';
import { REPORTERS, REPORT_FORMATS, type ReportFormat } from './registry.js';
import type { ReportBytes } from './report-bytes.js';
import type { ReportInput } from './report-input.js';

export const DEFAULT_REPORT_DIR = 'unattended-report';

/** Bytes gathered before each write: a report's parts are many and small (one or two per identity). */
const BATCH_BYTES = 1 << 20;

export interface WrittenReport {
  htmlPath: string | null;
  jsonPath: string | null;
  csvPaths: string[];
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** A file's bytes written part by part through one reused buffer: a report is never one string in memory. */
function writeBytes(path: string, bytes: ReportBytes): void {
  const fd = openSync(path, 'w');
  try {
    const parts: Iterable<Uint8Array | string> = typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes;
    const batch = Buffer.allocUnsafeSlow(BATCH_BYTES);
    let used = 0;
    for (const part of parts) {
      const length = typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
      if (used + length > batch.length) {
        writeAll(fd, batch.subarray(0, used));
        used = 0;
      }
      if (length > batch.length) {
        writeAll(fd, typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
        continue;
      }
      if (typeof part === 'string') batch.write(part, used, 'utf8');
      else batch.set(part, used);
      used += length;
    }
    writeAll(fd, batch.subarray(0, used));
  } finally {
    closeSync(fd);
  }
}

/** A ReportBytes as one string (tests, and reporters' small files). */
export function reportText(bytes: ReportBytes): string {
  if (typeof bytes === 'string') return bytes;
  if (bytes instanceof Uint8Array) return Buffer.from(bytes).toString('utf8');
  return [...bytes].map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('utf8'))).join('');
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
      writeBytes(partial, file.bytes);
      renameSync(partial, path);
      if (file.fileName === REPORT_HTML) written.htmlPath = path;
      else if (file.fileName === ANALYSIS_JSON) written.jsonPath = path;
      else if (format === 'csv') written.csvPaths.push(path);
    }
  }
  return written;
}
