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
   * which the core resolves to the login of a compatible session that every path to it passes in the same script
   * or job (core/flow/README.md; the finding then carries the login's method, impact and identity and `resolvedFrom`).
   * Absent: not part of resolution.
   */
  session?: Session;
  /**
   * Additive (optional). On an `ambient` rule: the session it sets up with credentials the scan cannot see
   * (Connect-AzAccount -AccessToken). Later uses of that session do not resolve to any login before it.
   */
  sets?: Session;
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
  /**
   * Additive (optional). How many shell-in-shell levels deep this text is (`bash -c '…'`, `pwsh -Command "…"`):
   * detectors stop handing a command's string on at MAX_NESTED_SCRIPTS, so a hostile file cannot make the scan
   * re-parse it level after level.
   */
  nesting?: number;
}

/** The deepest `bash -c` / `pwsh -Command` script-in-a-string the detectors read. */
export const MAX_NESTED_SCRIPTS = 3;

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
   * Additive (optional; the core always provides it). Resolve `ambient` findings (in order of execution) to the
   * login every path to them passes: CI detectors call it once per job over all the job's steps, and the scripts
   * embedded in those steps keep their own control flow. `isLogin` narrows which logins count (e.g. a task's service
   * connection is scoped to that task). Scripts the core parses with a flow builder (PowerShell, shell) are resolved
   * by the core itself after their detectors ran.
   */
  resolveAmbient?: (findings: readonly ScanFinding[], isLogin?: (finding: ScanFinding) => boolean) => ScanFinding[];
  /**
   * Additive (optional). The token a finding passes (`-AccessToken $t`) was traced, in the same script, to the
   * session `session` (Get-AzAccessToken, az account get-access-token): the finding then uses that session and is
   * resolved like any ambient step. Without this call a token from elsewhere stays `ambient`.
   */
  tokenFromSession?: (finding: ScanFinding, session: Session) => void;
}

/**
 * A detector: one ecosystem's folder under src/scan/detectors/. The interface only grows additively:
 * `RuleMeta.session`/`sets`, `SourceFile.columnOffset` / `placeholders` and `DetectContext.resolveAmbient`/`tokenFromSession` are optional
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
