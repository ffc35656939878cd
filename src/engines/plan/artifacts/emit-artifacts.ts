import type { MigrationPlan } from '../../../model/plan.js';
import { automationChanges } from '../automation-changes.js';
import type { PlanContext } from '../plan-context.js';
import type { ArtifactFile, ArtifactInput } from './artifact-input.js';
import { azCliArtifact } from './az-cli-artifact.js';
import { bicepArtifact } from './bicep-artifact.js';
import { jsonArtifacts } from './json-artifacts.js';
import { codePatches, patchFiles } from './patches/code-patches.js';
import { terraformArtifact } from './terraform-artifact.js';
import { fileKey } from '../../../store/read-model/plan-inputs.js';

export const EMIT_KINDS = ['terraform', 'bicep', 'cli', 'patch'] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];

/** The code patches of a plan: its automation's findings, with the texts the context's files were read from. */
function patchArtifacts(plan: MigrationPlan, upn: string | null, context: PlanContext & { texts?: ReadonlyMap<string, string> }, tenantId: string | null): ArtifactFile[] {
  const linked = upn ? (context.findingsByUpn.get(upn.toLowerCase()) ?? []) : [];
  const { findings } = automationChanges(linked, context.terraformAmbient, plan.target);
  const texts = new Map<string, string>();
  for (const finding of findings) {
    const text = context.texts?.get(fileKey(finding.root, finding.file));
    if (text !== undefined) texts.set(finding.file, text);
  }
  return patchFiles(codePatches(plan, findings, texts, tenantId));
}

/** The files `plan --emit KIND` writes (the JSON the CLI script reads goes with it). */
export function artifactsFor(kind: EmitKind, input: ArtifactInput, upn: string | null, context: PlanContext & { texts?: ReadonlyMap<string, string> }): ArtifactFile[] {
  switch (kind) {
    case 'terraform':
      return terraformArtifact(input);
    case 'bicep':
      return bicepArtifact(input);
    case 'cli':
      return [...azCliArtifact(input), ...jsonArtifacts(input)];
    case 'patch':
      return patchArtifacts(input.plan, upn, context, input.tenantId);
  }
}
