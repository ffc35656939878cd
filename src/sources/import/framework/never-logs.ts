import { extname } from 'node:path';

/**
 * What a folder walk leaves out by name: files that can never hold a log export, and version-control or hidden
 * entries. Shared sample folders and exported repositories carry a README, a LICENSE and screenshots beside the data;
 * trying those as data only produced "not in a known format" errors and a failing exit code.
 * A file named on the command line is never skipped: the user asked for it.
 */
const NEVER_LOG_EXTENSIONS: Readonly<Record<string, string>> = {
  '.md': 'Markdown text',
  '.txt': 'plain text',
  '.png': 'an image',
  '.jpg': 'an image',
  '.jpeg': 'an image',
  '.gif': 'an image',
  '.svg': 'an image',
  '.webp': 'an image',
  '.ico': 'an image',
};

const NEVER_LOG_NAMES: Readonly<Record<string, string>> = {
  '.DS_Store': 'Finder metadata',
  '.git': 'a git folder',
};

/** Why an entry met inside a folder is skipped (e.g. "a licence"), or null when it may be data. */
export function skipReason(name: string, isDirectory: boolean): string | null {
  const named = NEVER_LOG_NAMES[name];
  if (named !== undefined) return named;
  if (name.startsWith('.')) return isDirectory ? 'a hidden folder' : 'a hidden file';
  if (isDirectory) return null;
  if (/^licen[cs]e(?:\b|$)/iu.test(name)) return 'a licence';
  return NEVER_LOG_EXTENSIONS[extname(name).toLowerCase()] ?? null;
}
