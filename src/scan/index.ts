import { availableParallelism } from 'node:os';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Progress } from '../model/progress.js';
import { SILENT_PROGRESS } from '../model/progress.js';
import type { ScanFinding } from '../model/scan-finding.js';
import { InputError } from '../errors.js';
import { DETECTORS } from './detectors/registry.js';
import { compareFindings } from './core/finding.js';
import { scanFile, type FileScan } from './core/scan-file.js';
import { createEngine } from './core/scan-source.js';
import { walkRoot, type WalkedFile, type WalkSkip } from './core/walk.js';
import { scanWithWorkers } from './core/worker-pool.js';
import { existsSync } from 'node:fs';

export interface ScanResult {
  findings: ScanFinding[];
  skipped: { file: string; reason: string }[];
  filesSeen: number;
  filesParsed: number;
}

export interface ScanOptions {
  progress?: Progress;
  /** Worker threads; 1 scans in this thread. Default: one per core once the tree is big enough to pay for them. */
  workers?: number;
}

/** With several roots, paths start with the root: relative to the working directory when inside it, else its name. */
function rootLabel(root: string): string {
  const fromCwd = relative(process.cwd(), resolve(root));
  const label = fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? basename(resolve(root)) : fromCwd;
  return label.split(sep).join('/');
}

/** Below this many files, starting worker threads (each loading grammars) costs more than it saves. */
const WORKER_THRESHOLD = 2000;

/**
 * Scans directories (or files) for code that signs in to Azure. Paths in findings are relative to their root,
 * with forward slashes; with several roots each path starts with the root (relative to the working directory).
 */
export async function scanPaths(roots: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const files: WalkedFile[] = [];
  const skipped: WalkSkip[] = [];
  for (const root of roots) {
    if (!existsSync(root)) throw new InputError(`no such file or directory: ${root}`, 'pass a folder of scripts, pipelines or IaC to scan');
    const walked = walkRoot(root, roots.length > 1 ? rootLabel(root) : '');
    files.push(...walked.files);
    skipped.push(...walked.skipped);
  }
  progress.start('scan', files.length);
  const cores = availableParallelism();
  const workers = options.workers ?? (files.length >= WORKER_THRESHOLD ? cores : 1);
  let results: FileScan[];
  if (workers > 1 && files.length > 1) {
    results = await scanWithWorkers(files, workers, (done) => progress.advance(done));
  } else {
    const engine = createEngine(DETECTORS.values());
    results = [];
    for (const file of files) {
      results.push(await scanFile(engine, file));
      progress.advance(1);
    }
  }
  const findings = results.flatMap((result) => result.findings).sort(compareFindings);
  for (const result of results) if (result.skipped !== null) skipped.push({ file: result.file, reason: result.skipped });
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const filesParsed = results.filter((result) => result.parsed).length;
  progress.finish(`${files.length} files, ${filesParsed} parsed, ${findings.length} findings`);
  return { findings, skipped, filesSeen: files.length, filesParsed };
}
