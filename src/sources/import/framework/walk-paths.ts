import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../../errors.js';

/**
 * Expand files and folders into the files to import, depth first and sorted so runs are repeatable.
 * Folders are walked recursively, which covers the storage-account layout
 * insights-logs-<category>/resourceId=/…/y=/m=/d=/h=/m=00/PT1H.json. Hidden entries are skipped.
 */
export function walkPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new InputError(`no such file or folder: ${path}`, 'check the path');
    }
    if (isDirectory) walkFolder(absolute, files);
    else files.push(absolute);
  }
  return files;
}

function walkFolder(folder: string, into: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walkFolder(path, into);
    else if (entry.isFile()) into.push(path);
  }
}
