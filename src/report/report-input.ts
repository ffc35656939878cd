import type { AnalysisResult, IdentityAnalysis } from '../model/analysis.js';
import type { ScanFinding } from '../model/scan-finding.js';
import { identityJsonText } from './json.js';

/** One batch of the store as the report shows it under "data coverage". */
export interface ImportSummary {
  file: string;
  format: string | null;
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

/**
 * One identity of the analysis, as each reporter asks for it. Methods, not fields: an identity that arrives as its
 * analysis.json bytes (a 100,000-identity tenant) is parsed only by the reporter that asks, and nothing stays behind.
 */
export interface ReportEntry {
  /** The identity as the contract holds it. */
  identity(): IdentityAnalysis;
  /** Its text in analysis.json (identityJsonText), as UTF-8 bytes or a string. */
  json(): Uint8Array | string;
  /** Sign-ins per hour of the week (168, Monday 00:00 UTC first), or null when unknown or none. */
  hourOfWeek(): readonly number[] | null;
}

/** The identities in the contract's order, walked afresh by each reporter, one at a time. */
export interface ReportIdentities {
  readonly count: number;
  entries(): Iterable<ReportEntry>;
}

/** The analysis without its identities: they come through ReportIdentities. */
export type AnalysisHead = Omit<AnalysisResult, 'identities'>;

/** Everything a reporter may read. Reporters never query the store: the CLI builds this (store → read model → reporters). */
export interface ReportInput {
  analysis: AnalysisHead;
  identities: ReportIdentities;
  scanFindings: ScanFinding[];
  imports: ImportSummary[];
  /** ISO-8601; passed in (not read from the clock) so the same input gives the same bytes. */
  generatedAt: string;
}

/** A file's bytes, whole or as parts written one after the other (a report of 100,000 identities is never one string). */
export type ReportBytes = Uint8Array | string | Iterable<Uint8Array | string>;

export interface ReportFile {
  fileName: string;
  bytes: ReportBytes;
}

export type Reporter = (input: ReportInput) => ReportFile[];

/** Parts made afresh by `parts` each time they are walked (a generator object alone can be walked once). */
export function partsOf(parts: () => Iterable<Uint8Array | string>): Iterable<Uint8Array | string> {
  return { [Symbol.iterator]: () => parts()[Symbol.iterator]() };
}

/** Identities already in memory (the demo, tests): each entry hands out its object. */
export function listedIdentities(identities: readonly IdentityAnalysis[], hourOfWeek: ReadonlyMap<string, readonly number[]> = new Map()): ReportIdentities {
  return {
    count: identities.length,
    *entries() {
      for (const identity of identities) {
        yield { identity: () => identity, json: () => identityJsonText(identity), hourOfWeek: () => hourOfWeek.get(identity.id) ?? null };
      }
    },
  };
}

/** A whole AnalysisResult as a report's input. */
export function reportInputOf(
  analysis: AnalysisResult,
  parts: { scanFindings: ScanFinding[]; imports: ImportSummary[]; generatedAt: string; hourOfWeek?: ReadonlyMap<string, readonly number[]> },
): ReportInput {
  const { identities, ...head } = analysis;
  return { analysis: head, identities: listedIdentities(identities, parts.hourOfWeek), scanFindings: parts.scanFindings, imports: parts.imports, generatedAt: parts.generatedAt };
}
