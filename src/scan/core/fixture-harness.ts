import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ScanFinding } from '../../model/scan-finding.js';
import type { Detector } from './detector.js';
import { detectLanguage } from './detect-language.js';
import { createEngine, scanSource, type ScanEngine } from './scan-source.js';

/**
 * Semgrep-style annotated fixtures. In a fixture file, a comment in the file's own syntax
 * (`#`, `//`, `<!-- -->`, `<# #>`, `/* *\/`, `;`, `--`, `REM`) holding
 *   `ruleid: <rule>[ @<column>]`  expects a finding of that rule on the next code line (and column, when given);
 *   `ok: <rule>`                  expects none;
 *   `todoruleid:` / `todook:`     record a known miss / false positive: counted; they fail only once they are no
 *                                 longer true (the miss is found, the false positive is gone), to be promoted.
 * Several rules may share one annotation, comma-separated. The "next code line" is the next non-blank line
 * that is not itself an annotation. Every finding must be expected by a `ruleid:` (or `todook:`) on its
 * line: an unannotated finding fails, as in semgrep.
 *
 * An annotation must be the whole comment. Anything else that looks like one (`ruleid` / `ok` / `todoruleid` /
 * `todook` in any case, after a comment opener, followed by a colon or a rule id) fails: a trailing note, a
 * missing colon or `RuleId:` would otherwise be read as prose and the finding it guards never checked.
 *
 * A fixture's path inside `__fixtures__/` is the path the detectors see (so `__fixtures__/.github/workflows/x.yml`
 * is scanned as `.github/workflows/x.yml`), and it runs through `scanSource` with every registered detector:
 * the same code path as `unattended scan`, embedded scripts included.
 */
export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

export interface Annotation {
  kind: AnnotationKind;
  rule: string;
  /** 1-based line the annotation is about. */
  line: number;
  column: number | null;
  /** 1-based line of the comment itself. */
  at: number;
}

export interface FixtureFailure {
  file: string;
  line: number;
  problem: string;
}

export interface FixtureCounts {
  ruleid: number;
  ok: number;
  todoruleid: number;
  todook: number;
}

export interface FixtureReport {
  detector: string;
  files: number;
  counts: FixtureCounts;
  failures: FixtureFailure[];
}

const COMMENT_OPENER = String.raw`(?:#|\/\/|<!--|<#|\/\*|;|--|\bREM\b)`;
const ANNOTATION = new RegExp(String.raw`^\s*${COMMENT_OPENER}\s*(?<kind>todoruleid|todook|ruleid|ok):\s*(?<rules>[^\s,][^#]*?)\s*(?:-->|#>|\*\/)?\s*$`, 'u');
/** A comment that means to be an annotation: the keyword, then a colon or something shaped like a rule id. */
const LOOKS_LIKE_ANNOTATION = new RegExp(String.raw`${COMMENT_OPENER}\s*(?<word>todoruleid|todook|ruleid|ok)(?:\s*:|\s+[\w-]+\/[\w-]+)`, 'iu');
const RULE_ITEM = /^(?<rule>[a-z0-9-]+\/[a-z0-9-]+)(?:\s*@(?<column>\d+))?$/u;

/** The annotations of one fixture text; malformed ones are returned as failures. */
export function parseAnnotations(file: string, text: string): { annotations: Annotation[]; failures: FixtureFailure[] } {
  const lines = text.split(/\r?\n/u);
  const annotations: Annotation[] = [];
  const failures: FixtureFailure[] = [];
  // A malformed annotation is no code line either: the annotation above it still targets the code below both.
  const isAnnotation = (line: string): boolean => ANNOTATION.test(line) || LOOKS_LIKE_ANNOTATION.test(line);
  lines.forEach((line, index) => {
    const groups = ANNOTATION.exec(line)?.groups;
    if (!groups) {
      const word = LOOKS_LIKE_ANNOTATION.exec(line)?.groups?.['word'];
      if (word) failures.push({ file, line: index + 1, problem: `malformed ${word} annotation "${line.trim()}": write the comment as "${word.toLowerCase()}: <detector/rule>[ @column]" with nothing else on the line` });
      return;
    }
    const kind = groups['kind'];
    if (kind !== 'ruleid' && kind !== 'ok' && kind !== 'todoruleid' && kind !== 'todook') return;
    let target = index + 1;
    while (target < lines.length && ((lines[target] ?? '').trim() === '' || isAnnotation(lines[target] ?? ''))) target += 1;
    if (target >= lines.length) {
      failures.push({ file, line: index + 1, problem: `${kind} annotation with no code line after it` });
      return;
    }
    for (const item of (groups['rules'] ?? '').split(',').map((part) => part.trim())) {
      const parsed = RULE_ITEM.exec(item)?.groups;
      if (!parsed?.['rule']) {
        failures.push({ file, line: index + 1, problem: `malformed annotation item "${item}"` });
        continue;
      }
      const column = parsed['column'] ? Number.parseInt(parsed['column'], 10) : null;
      annotations.push({ kind, rule: parsed['rule'], line: target + 1, column, at: index + 1 });
    }
  });
  return { annotations, failures };
}

/** Checks one fixture's findings against its annotations. */
export function checkFixture(file: string, annotations: readonly Annotation[], findings: readonly ScanFinding[], knownRules: ReadonlySet<string>): FixtureFailure[] {
  const failures: FixtureFailure[] = [];
  const matches = (annotation: Annotation, finding: ScanFinding): boolean =>
    finding.rule === annotation.rule && finding.line === annotation.line && (annotation.column === null || finding.column === annotation.column);
  for (const annotation of annotations) {
    if (!knownRules.has(annotation.rule)) failures.push({ file, line: annotation.at, problem: `unknown rule ${annotation.rule}` });
    const hits = findings.filter((finding) => matches(annotation, finding));
    if (annotation.kind === 'ruleid' && hits.length === 0) {
      const near = findings.filter((finding) => finding.line === annotation.line).map((finding) => `${finding.rule}@${finding.column}`);
      failures.push({ file, line: annotation.line, problem: `expected ${annotation.rule}${annotation.column === null ? '' : ` @${annotation.column}`}, got ${near.length === 0 ? 'nothing' : near.join(', ')}` });
    }
    if (annotation.kind === 'ok' && hits.length > 0) failures.push({ file, line: annotation.line, problem: `unexpected ${annotation.rule} (ok: annotation)` });
    if (annotation.kind === 'todoruleid' && hits.length > 0) failures.push({ file, line: annotation.line, problem: `${annotation.rule} is found now: promote its todoruleid: to ruleid:` });
    if (annotation.kind === 'todook' && hits.length === 0) failures.push({ file, line: annotation.line, problem: `${annotation.rule} is no longer reported: promote its todook: to ok:` });
  }
  for (const finding of findings) {
    const expected = annotations.some((annotation) => annotation.kind !== 'ok' && matches(annotation, finding));
    if (!expected) failures.push({ file, line: finding.line, problem: `unannotated finding ${finding.rule} @${finding.column}: ${finding.message}` });
  }
  return failures;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/** Every rule a `ruleid:` annotation in `fixturesDir` expects (whether it holds is `runDetectorFixtures`' job). */
export function rulesWithRuleidFixture(fixturesDir: string): Set<string> {
  const rules = new Set<string>();
  const files = statSync(fixturesDir, { throwIfNoEntry: false })?.isDirectory() ? listFiles(fixturesDir) : [];
  for (const file of files) {
    for (const annotation of parseAnnotations(file, readFileSync(file, 'utf8')).annotations) if (annotation.kind === 'ruleid') rules.add(annotation.rule);
  }
  return rules;
}

/** Runs one fixture text through the scanner's code path and checks it. */
export async function runFixtureText(engine: ScanEngine, path: string, text: string): Promise<{ annotations: Annotation[]; failures: FixtureFailure[] }> {
  const { annotations, failures } = parseAnnotations(path, text);
  const { findings } = await scanSource(engine, { path, language: detectLanguage(path, text.slice(0, 256)), text, lineOffset: 1 });
  failures.push(...checkFixture(path, annotations, findings, new Set(engine.rules.keys())));
  return { annotations, failures };
}

/** Runs every fixture file of `detector` (in `fixturesDir`) with all `detectors` registered. */
export async function runDetectorFixtures(detector: Detector, fixturesDir: string, detectors: Iterable<Detector>): Promise<FixtureReport> {
  const engine = createEngine(detectors);
  const counts: FixtureCounts = { ruleid: 0, ok: 0, todoruleid: 0, todook: 0 };
  const failures: FixtureFailure[] = [];
  const files = statSync(fixturesDir, { throwIfNoEntry: false })?.isDirectory() ? listFiles(fixturesDir) : [];
  for (const absolute of files) {
    const path = relative(fixturesDir, absolute).split(sep).join('/');
    const result = await runFixtureText(engine, path, readFileSync(absolute, 'utf8'));
    for (const annotation of result.annotations) counts[annotation.kind] += 1;
    failures.push(...result.failures.map((failure) => ({ ...failure, file: `${detector.id}/__fixtures__/${failure.file}` })));
  }
  return { detector: detector.id, files: files.length, counts, failures };
}

/** One line per detector plus totals, for the test log. */
export function formatFixtureReports(reports: readonly FixtureReport[]): string {
  const total: FixtureCounts = { ruleid: 0, ok: 0, todoruleid: 0, todook: 0 };
  const lines = reports.map((report) => {
    for (const key of ['ruleid', 'ok', 'todoruleid', 'todook'] as const) total[key] += report.counts[key];
    return `${report.detector}: ${report.files} files, ruleid ${report.counts.ruleid}, ok ${report.counts.ok}, todoruleid ${report.counts.todoruleid}, todook ${report.counts.todook}, failures ${report.failures.length}`;
  });
  lines.push(`total: ruleid ${total.ruleid}, ok ${total.ok}, todoruleid ${total.todoruleid}, todook ${total.todook}`);
  return lines.join('\n');
}
