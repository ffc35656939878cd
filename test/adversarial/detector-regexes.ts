import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Every regular expression the scanner can run over scanned code, found in the source by the TypeScript parser: each
 * regex literal under src/scan (detectors, core, detector kit) and src/catalog (facts detectors read, and the secret
 * literal patterns `plan --emit patch` withholds lines by), tests and fixtures left out. A new detector's regex is
 * therefore in the ReDoS suite the day it lands. A `new RegExp(…)` built at run time cannot be tried from its source,
 * so each such site must be listed in DYNAMIC_SITES with why it is safe; an unlisted one fails the enumeration test.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const FOLDERS = ['src/scan', 'src/catalog'];

export interface FoundRegex {
  /** `src/scan/detectors/shell/detect.ts:12` */
  at: string;
  source: string;
  flags: string;
}

/** Each dynamic construction, by file, with the argument for its safety. */
export const DYNAMIC_SITES: Record<string, string> = {
  'src/scan/core/prefilter.ts': 'an alternation of escaped literal trigger words: no quantifier, so no backtracking to blow up',
  'src/scan/core/fixture-harness.ts': 'reads the repository’s own annotated fixtures in tests, never scanned code',
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__fixtures__') out.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

export function findDetectorRegexes(): { literals: FoundRegex[]; dynamic: string[] } {
  const literals: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const path of FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const file = relative(ROOT, path).replaceAll('\\', '/');
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        literals.push({ at: `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push(file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic: [...new Set(dynamic)].sort() };
}
