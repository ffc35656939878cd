import type { Node } from 'web-tree-sitter';
import { MAX_NESTED_SCRIPTS, type SourceFile } from '../../core/detector.js';
import type { Language } from '../../core/languages.js';

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ash', 'ksh']);
const POWERSHELL_HOSTS = new Set(['pwsh', 'powershell', 'pwsh.exe', 'powershell.exe']);

/**
 * The script a `bash -c '…'` or `pwsh -Command "…"` call runs (a VM extension's command, a Dockerfile RUN, a
 * local-exec command), as a SourceFile of that language at its place in the file: a quoted argument's content
 * (quotes excluded, escapes left as written), or a bare word.
 */
export function nestedScript(file: SourceFile, name: string, args: readonly Node[]): SourceFile | null {
  const language: Language | null = SHELLS.has(name) ? 'bash' : POWERSHELL_HOSTS.has(name) ? 'powershell' : null;
  if (!language || (file.nesting ?? 0) >= MAX_NESTED_SCRIPTS) return null;
  const flag = args.findIndex((arg) => (language === 'bash' ? /^-[a-z]*c$/u.test(arg.text) : /^-(?:c|command)$/iu.test(arg.text)));
  const script = flag >= 0 ? args[flag + 1] : undefined;
  if (!script) return null;
  const quoted = script.type === 'string' || script.type === 'raw_string';
  const start = script.startIndex + (quoted ? 1 : 0);
  const end = script.endIndex - (quoted ? 1 : 0);
  if (end <= start) return null;
  return {
    path: file.path,
    language,
    text: ' '.repeat(script.startPosition.column + (quoted ? 1 : 0)) + file.text.slice(start, end),
    lineOffset: file.lineOffset + script.startPosition.row,
    columnOffset: file.columnOffset ?? 0,
    nesting: (file.nesting ?? 0) + 1,
    ...(file.placeholders ? { placeholders: file.placeholders } : {}),
  };
}
