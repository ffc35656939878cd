import type { ScanFinding } from '../../model/scan-finding.js';
import type { DetectContext, Detector, ParsedFile, RuleMeta, SourceFile } from './detector.js';
import { compareFindings } from './finding.js';
import { parseSource, releaseParsed } from './parse-source.js';
import { createPrefilter, type Prefilter } from './prefilter.js';
import { FlowFacts } from './flow/flow-facts.js';
import { resolveAmbient, resolveScript } from './resolve-ambient.js';

/** The detectors a scan runs, with what the core derives from them once. */
export interface ScanEngine {
  detectors: readonly Detector[];
  rules: ReadonlyMap<string, RuleMeta>;
  /** The prefilter over every detector's triggers. */
  prefilter: Prefilter;
  /** The prefilter over just these detectors' triggers (fewer words, faster), built once per set. */
  prefilterFor(detectors: readonly Detector[]): Prefilter;
}

export function createEngine(detectors: Iterable<Detector>): ScanEngine {
  const list = [...detectors];
  const rules = new Map<string, RuleMeta>();
  for (const detector of list) for (const rule of detector.rules) rules.set(rule.id, rule);
  const bySet = new Map<string, Prefilter>();
  return {
    detectors: list,
    rules,
    prefilter: createPrefilter(list.flatMap((detector) => detector.triggers)),
    prefilterFor(subset) {
      const key = subset.map((detector) => detector.id).join('\u0000');
      let prefilter = bySet.get(key);
      if (!prefilter) {
        prefilter = createPrefilter(subset.flatMap((detector) => detector.triggers));
        bySet.set(key, prefilter);
      }
      return prefilter;
    },
  };
}

/** The detectors that want this file: they handle its path/language and one of their triggers occurs in it. */
export function candidateDetectors(engine: ScanEngine, file: SourceFile, matched: ReadonlySet<string>): Detector[] {
  if (matched.size === 0) return [];
  return engine.detectors.filter((detector) => detector.handles(file.path, file.language) && detector.triggers.some((word) => matched.has(word.toLowerCase())));
}

export interface SourceScan {
  findings: ScanFinding[];
  /** Whether any detector wanted the file (it was parsed). */
  parsed: boolean;
}

/**
 * Scans one file (or one script embedded in a file) exactly as the scanner does: prefilter, parse once,
 * run each candidate detector, hand embedded scripts back through this same function, resolve a script's ambient
 * steps along its control flow. `matched` is the prefilter's result when the caller already has it; `host` is the
 * flow knowledge of the file a script is embedded in (its CI job resolves the script's steps again, in the job).
 */
export async function scanSource(engine: ScanEngine, file: SourceFile, matched?: ReadonlySet<string>, host?: FlowFacts): Promise<SourceScan> {
  const words = matched ?? engine.prefilter.match(file.text.toLowerCase());
  const detectors = candidateDetectors(engine, file, words);
  if (detectors.length === 0) return { findings: [], parsed: false };
  const facts = host ?? new FlowFacts();
  const context: DetectContext = {
    scanEmbedded: async (script) => (await scanSource(engine, script, undefined, facts)).findings,
    resolveAmbient: (findings, isLogin) => resolveAmbient(findings, engine.rules, facts, isLogin),
    tokenFromSession: (finding, session) => facts.setTokenSession(finding, session),
  };
  const parsed: ParsedFile = await parseSource(file);
  try {
    const found: ScanFinding[] = [];
    for (const detector of detectors) found.push(...(await detector.detect(file, parsed, context)));
    const findings = resolveScript(file, parsed, found, engine.rules, facts, host !== undefined);
    return { findings: findings.sort(compareFindings), parsed: true };
  } finally {
    releaseParsed(parsed);
  }
}
