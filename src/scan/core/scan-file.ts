import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ScanFinding } from '../../model/scan-finding.js';
import { detectLanguage } from './detect-language.js';
import { lowerBytes } from './prefilter.js';
import { scanSource, type ScanEngine } from './scan-source.js';
import type { WalkedFile } from './walk.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const BINARY_PROBE = 8000;

export interface FileScan {
  file: string;
  findings: ScanFinding[];
  parsed: boolean;
  /** Why the file was not scanned (too large, binary, unreadable, a parser error), else null. */
  skipped: string | null;
}

function readAll(path: string): { bytes: Buffer | null; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { bytes: null, size };
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/** UTF-16 (Windows PowerShell's default) is decoded; other text is read as UTF-8. Null for binary content. */
function decode(bytes: Buffer): { lowered: string; text: () => string } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = bytes.subarray(2).toString('utf16le');
    return { lowered: text.toLowerCase(), text: () => text };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    const text = swapped.toString('utf16le');
    return { lowered: text.toLowerCase(), text: () => text };
  }
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return null;
  return {
    lowered: lowerBytes(bytes),
    text: () => {
      const text = bytes.toString('utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
  };
}

/**
 * Reads, prefilters and (for candidates only) decodes, parses and scans one file. Never throws: a file that
 * cannot be read or parsed is reported as skipped with the reason, and the run goes on.
 */
export async function scanFile(engine: ScanEngine, file: WalkedFile): Promise<FileScan> {
  const result: FileScan = { file: file.relative, findings: [], parsed: false, skipped: null };
  try {
    // A file no detector handles by its name is never read (an extensionless file may still be a script: read for its shebang).
    const base = file.relative.slice(file.relative.lastIndexOf('/') + 1);
    const byName = detectLanguage(file.relative, '');
    const needsHead = byName === 'text' && !base.includes('.');
    if (!needsHead && !engine.detectors.some((detector) => detector.handles(file.relative, byName))) return result;
    const { bytes, size } = readAll(file.absolute);
    if (bytes === null) return { ...result, skipped: `larger than 5 MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    const decoded = decode(bytes);
    if (decoded === null) return { ...result, skipped: 'binary' };
    const language = needsHead ? detectLanguage(file.relative, decoded.lowered.slice(0, 256)) : byName;
    const handlers = engine.detectors.filter((detector) => detector.handles(file.relative, language));
    if (handlers.length === 0) return result;
    const matched = engine.prefilterFor(handlers).match(decoded.lowered);
    if (matched.size === 0) return result;
    const text = decoded.text();
    const scan = await scanSource(engine, { path: file.relative, language, text, lineOffset: 1 }, matched);
    return { ...result, findings: scan.findings, parsed: scan.parsed };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : null;
    // The error's message could quote the file (and so a secret in it): only its class is reported.
    const kind = error instanceof Error ? error.name : 'error';
    return { ...result, skipped: code ? `unreadable (${code})` : `scan error (${kind})` };
  }
}
