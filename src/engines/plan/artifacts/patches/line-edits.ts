/** Text edits by line, keeping the file's line ending. */
export function linesOf(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { lines: text.split(eol), eol };
}

export function indentOf(line: string): string {
  return /^(?<indent>\s*)/u.exec(line)?.groups?.['indent'] ?? '';
}

/**
 * A command line's words, quotes kept: `az login -u x -p "$P" --tenant t` → ['az','login','-u','x','-p','"$P"','--tenant','t'].
 * Enough for the one command a patch rewrites; the scanner's parser already decided which line that is.
 */
export function words(command: string): string[] {
  const found: string[] = [];
  for (const match of command.matchAll(/(?:"(?:[^"\\]|\\.)*"|'[^']*'|\$\{\{[^}]*\}\}|[^\s"'])+/gu)) found.push(match[0]);
  return found;
}

/** The value after a flag (`--tenant X`, `-Tenant 'X'`), or null. */
export function flagValue(tokens: readonly string[], names: readonly string[]): string | null {
  const index = tokens.findIndex((token) => names.includes(token.toLowerCase()));
  return index >= 0 ? (tokens[index + 1] ?? null) : null;
}

/** Tokens without the given flags and their values. */
export function withoutFlags(tokens: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (names.includes(token.toLowerCase())) {
      i += 1;
      continue;
    }
    out.push(token);
  }
  return out;
}
