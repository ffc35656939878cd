import type { MigrationPlan } from '../../../../model/plan.js';
import { patchKindOf, type PatchKind } from '../../automation-changes.js';
import type { CodeFinding } from '../../plan-context.js';
import type { ArtifactFile } from '../artifact-input.js';
import { azCliLoginPatch } from './az-cli-login-patch.js';
import { azurePipelinesConnectionPatch } from './azure-pipelines-connection-patch.js';
import { connectAzAccountPatch } from './connect-azaccount-patch.js';
import { gitHubActionsOidcPatch } from './github-actions-oidc-patch.js';
import type { PatchInput } from './patch-input.js';
import { pythonCredentialPatch } from './python-credential-patch.js';
import { terraformProviderPatch } from './terraform-provider-patch.js';
import { unifiedDiff } from './unified-diff.js';

/** One writer per kind of change: file text in, patched text out (null when the code is not as expected). */
export const PATCHERS: ReadonlyMap<PatchKind, (input: PatchInput) => string | null> = new Map<PatchKind, (input: PatchInput) => string | null>([
  ['github-actions-oidc', gitHubActionsOidcPatch],
  ['azure-pipelines-connection', azurePipelinesConnectionPatch],
  ['az-cli-login', azCliLoginPatch],
  ['connect-azaccount', connectAzAccountPatch],
  ['terraform-provider', terraformProviderPatch],
  ['python-credential', pythonCredentialPatch],
]);

export interface CodePatch {
  file: string;
  kind: PatchKind;
  /** The patch file's text: notes on withheld secret lines, then the unified diff. */
  diff: string;
  /** One line per line withheld because it holds a secret literal (file:line and why; never the value). */
  notes: string[];
  /** False when a withheld line means the patch cannot apply: the change is made by hand. */
  applies: boolean;
  patched: string;
}

/** Unified diffs against the scanned files for the plan's automation, one per file (edits to one file are chained). */
export function codePatches(plan: MigrationPlan, findings: readonly CodeFinding[], texts: ReadonlyMap<string, string>, tenantId: string | null): CodePatch[] {
  const patches = new Map<string, { file: string; kind: PatchKind; patched: string; original: string }>();
  // Bottom-up within a file, so an edit never moves the line of one still to come.
  for (const finding of [...findings].sort((a, b) => a.file.localeCompare(b.file) || b.line - a.line)) {
    const kind = patchKindOf(finding, plan.target);
    const original = texts.get(finding.file);
    if (kind === null || original === undefined) continue;
    const patcher = PATCHERS.get(kind);
    const current = patches.get(finding.file)?.patched ?? original;
    const patched = patcher?.({ text: current, line: finding.line, target: plan.target, tenantId, connection: finding.connection }) ?? null;
    if (patched === null || patched === current) continue;
    patches.set(finding.file, { file: finding.file, kind, patched, original });
  }
  const out: CodePatch[] = [];
  for (const patch of patches.values()) {
    const diff = unifiedDiff(patch.file, patch.original, patch.patched);
    if (diff) out.push({ file: patch.file, kind: patch.kind, diff: diff.text, notes: diff.notes, applies: diff.applies, patched: patch.patched });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export function patchFiles(patches: readonly CodePatch[]): ArtifactFile[] {
  return patches.map((patch, index) => ({ path: `patches/${index + 1}-${patch.file.split('/').pop() ?? 'file'}.patch`, content: patch.diff, notes: patch.notes }));
}
