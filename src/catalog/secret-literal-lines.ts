import { isLiteralValue, kindOfKeyword, PEM_BEGIN, PEM_END, SECRET_LITERAL_PATTERNS, type SecretLiteralKind } from './secret-literal-patterns.js';

/** The kind of secret literal a line holds, or null: the first pattern of the catalog that finds one. */
export function secretLiteralIn(line: string): SecretLiteralKind | null {
  for (const { kind, pattern, valueIsChecked } of SECRET_LITERAL_PATTERNS) {
    // matchAll works on a copy of the global regex, so the shared pattern's lastIndex never carries over.
    for (const match of line.matchAll(pattern)) {
      if (valueIsChecked && !isLiteralValue(match.groups?.['value'] ?? '')) continue;
      const keyword = match.groups?.['keyword'];
      return keyword === undefined ? kind : kindOfKeyword(keyword, kind);
    }
  }
  return null;
}

/**
 * For each line of a file, the kind of secret literal it holds, or null. A PEM block holds its key or certificate on
 * every line from BEGIN to END (to the end of the file when END is missing), so lines are read in order, not one by one.
 */
export function secretLiteralLines(lines: readonly string[]): (SecretLiteralKind | null)[] {
  const kinds: (SecretLiteralKind | null)[] = [];
  let inPem = false;
  for (const line of lines) {
    if (inPem) {
      kinds.push('certificate');
      // search() ignores and restores the global pattern's lastIndex.
      inPem = line.search(PEM_END) < 0;
      continue;
    }
    kinds.push(secretLiteralIn(line));
    inPem = line.search(PEM_BEGIN) >= 0 && line.search(PEM_END) < 0;
  }
  return kinds;
}
