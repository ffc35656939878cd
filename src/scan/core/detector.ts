import type { Tree } from 'web-tree-sitter';
import type { Document } from 'yaml';
import type { AuthMethod, ScanFinding } from '../../model/scan-finding.js';
import type { Language } from './languages.js';

/**
 * The sign-in state a login leaves behind and an `ambient` command uses: the Azure CLI token cache,
 * the Az PowerShell context, or either (`any`: e.g. azure/login, or a token passed in).
 */
export type Session = 'azure-cli' | 'azure-powershell' | 'any';

/** A rule a detector can report; rule ids are unique across the registry ('detector/rule'). */
export interface RuleMeta {
  /** 'powershell/connect-azaccount-user-credential' */
  id: string;
  authMethod: AuthMethod;
  /** 'error' breaks under MFA, 'warning' needs a person or depends, 'note' is safe but worth knowing. */
  severity: 'error' | 'warning' | 'note';
  /** One line: what was found. */
  summary: string;
  /** What to do instead (the SARIF help text and the finding's `fix`). */
  fix: string;
  docUrl: string;
  /**
   * Additive (optional). On a login rule: the session it creates. On an `ambient` rule: the session it uses,
   * which the core resolves to the nearest preceding login of a compatible session in the same script or job
   * (the finding then carries the login's method, impact and identity). Absent: not part of resolution.
   */
  session?: Session;
}

/** A file as the scanner hands it to a detector. */
export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  language: Language;
  text: string;
  /** 1-based line of this text within `path` (>1 for scripts embedded in YAML). */
  lineOffset: number;
  /**
   * Additive (optional). 0-based column of this text within `path` (a YAML block scalar's indentation),
   * added to every line's column.
   */
  columnOffset?: number;
  /**
   * Additive (optional). Placeholders the host put in `text` in place of expressions the script's parser
   * cannot read (a GitHub `${{ secrets.X }}`), mapped back to the original expression. Same length as the original.
   */
  placeholders?: ReadonlyMap<string, string>;
}

/** What the core parsed a file into, by language family. */
export type ParsedFile =
  | { kind: 'tree'; tree: Tree }
  | { kind: 'yaml'; documents: Document.Parsed[] }
  | { kind: 'text' };

/**
 * Lets a detector hand a script embedded in another file (a YAML `run:` step, an inline script)
 * to the detectors of that script's language. Lines are mapped back to the host file.
 */
export type EmbeddedScanner = (script: SourceFile) => Promise<ScanFinding[]>;

export interface DetectContext {
  scanEmbedded: EmbeddedScanner;
  /**
   * Additive (optional; the core always provides it). Resolve `ambient` findings (in order of execution)
   * to the nearest preceding login: CI detectors call it once per job over all the job's steps.
   * `isLogin` narrows which logins count (e.g. a task's service connection is scoped to that task).
   */
  resolveAmbient?: (findings: readonly ScanFinding[], isLogin?: (finding: ScanFinding) => boolean) => ScanFinding[];
}

/**
 * A detector: one ecosystem's folder under src/scan/detectors/. The interface only grows additively:
 * `RuleMeta.session`, `SourceFile.columnOffset` / `placeholders` and `DetectContext.resolveAmbient` are optional
 * additions (ambient resolution and embedded scripts); detectors that ignore them keep working unchanged.
 */
export interface Detector {
  /** Folder name under src/scan/detectors/ and the prefix of every rule id. */
  id: string;
  ecosystem: string;
  /** Does this detector want this file? Decided on the relative path (and language). */
  handles(path: string, language: Language): boolean;
  /** Lowercase byte-level trigger words: a file with none of them is never parsed for this detector. */
  triggers: readonly string[];
  rules: readonly RuleMeta[];
  detect(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> | ScanFinding[];
}
