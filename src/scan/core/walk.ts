import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders of dependencies, caches and tool state: never the project's own automation. */
export const VENDOR_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor', '.terraform', '.terragrunt-cache', '.venv', 'venv',
  '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.gradle', '.idea', '.vs', '.next', '.nuxt', '.yarn', 'Pods', '.bundle', '.cache',
]);

export interface WalkedFile {
  absolute: string;
  /** Relative to the scan root, forward slashes (prefixed with the root's name when several roots are scanned). */
  relative: string;
}

export interface WalkSkip {
  file: string;
  reason: string;
}

interface IgnoreLayer {
  /** Directory of the .gitignore, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * Lists the files under `root`: honours every `.gitignore` on the way down, leaves out vendor folders, follows a
 * symlink only when its target stays inside the root (and each real directory once), and notes what it left out.
 */
export function walkRoot(root: string, prefix = ''): { files: WalkedFile[]; skipped: WalkSkip[] } {
  const files: WalkedFile[] = [];
  const skipped: WalkSkip[] = [];
  const rootReal = realpathSync(root);
  const rootStat = statSync(rootReal);
  const name = (rel: string): string => (prefix ? `${prefix}/${rel}` : rel);
  if (rootStat.isFile()) {
    files.push({ absolute: rootReal, relative: name(basename(root)) });
    return { files, skipped };
  }
  const visited = new Set<string>([rootReal]);

  const ignored = (layers: readonly IgnoreLayer[], rel: string, isDirectory: boolean): boolean => {
    for (const layer of layers) {
      const local = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
      if (layer.rules.ignores(isDirectory ? `${local}/` : local)) return true;
    }
    return false;
  };

  const visit = (directory: string, rel: string, layers: readonly IgnoreLayer[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: name(rel || '.'), reason: `unreadable directory (${error instanceof Error && 'code' in error ? String(error.code) : 'error'})` });
      return;
    }
    let here = layers;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        here = [...layers, { base: rel, rules: ignore().add(readFileSync(join(directory, '.gitignore'), 'utf8')) }];
      } catch {
        skipped.push({ file: name(rel ? `${rel}/.gitignore` : '.gitignore'), reason: 'unreadable .gitignore' });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const absolute = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let target = absolute;
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(absolute);
        } catch {
          skipped.push({ file: name(childRel), reason: 'broken symlink' });
          continue;
        }
        if (!inside(rootReal, target)) {
          skipped.push({ file: name(childRel), reason: 'symlink pointing outside the scan root' });
          continue;
        }
        const stat = statSync(target);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDirectory) {
        if (VENDOR_DIRECTORIES.has(entry.name) || ignored(here, childRel, true)) continue;
        // Every directory we enter is real (the root is resolved, symlinks are resolved), so its path is its identity.
        if (visited.has(target)) continue;
        visited.add(target);
        visit(target, childRel, here);
      } else if (isFile) {
        if (ignored(here, childRel, false)) continue;
        files.push({ absolute: target, relative: name(toPosix(childRel)) });
      }
    }
  };

  visit(rootReal, '', []);
  return { files, skipped };
}

