import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../../errors.js';
import type { SkippedPath } from './import-summary.js';
import { skipReason } from './never-logs.js';

export interface WalkedPaths {
  files: string[];
  /** Entries inside folders that can never be logs (never-logs.ts), in walk order; a skipped folder is one entry. */
  skipped: SkippedPath[];
}

/**
 * Expand files and folders into the files to import, depth first and sorted so runs are repeatable.
 * Folders are walked recursively, which covers the storage-account layout
 * insights-logs-<category>/resourceId=/…/y=/m=/d=/h=/m=00/PT1H.json. Inside folders, entries that can never be
 * logs (README, LICENSE, images, `.git/`, hidden entries) are skipped and listed; files named directly are always tried.
 */
export function walkPaths(paths: readonly string[]): WalkedPaths {
  const walked: WalkedPaths = { files: [], skipped: [] };
  for (const path of paths) {
    const absolute = resolve(path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new InputError(`no such file or folder: ${path}`, 'check the path');
    }
    if (isDirectory) walkFolder(absolute, walked);
    else walked.files.push(absolute);
  }
  return walked;
}

function walkFolder(folder: string, into: WalkedPaths): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    const reason = skipReason(entry.name, entry.isDirectory());
    if (reason !== null) {
      into.skipped.push({ path, reason, folder: entry.isDirectory() });
      continue;
    }
    if (entry.isDirectory()) walkFolder(path, into);
    else into.files.push(path);
  }
}
