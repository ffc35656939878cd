import { indentOf, linesOf } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

const AZURERM_BLOCK = /^\s*(?:provider|backend)\s+"azurerm"\s*\{\s*$/u;

/**
 * The azurerm provider and backend blocks get `use_oidc = true` (the CI job's federated token) or `use_msi = true`
 * (a managed identity), so Terraform stops taking whatever CLI login came before it.
 */
export function terraformProviderPatch(input: PatchInput): string | null {
  const argument = input.target.kind === 'managed-identity' ? 'use_msi' : input.target.kind === 'workload-identity-federation' ? 'use_oidc' : null;
  if (!argument) return null;
  const { lines, eol } = linesOf(input.text);
  const out: string[] = [];
  let changed = false;
  for (const line of lines) {
    out.push(line);
    if (AZURERM_BLOCK.test(line)) {
      out.push(`${indentOf(line)}  ${argument} = true`);
      changed = true;
    }
  }
  return changed ? out.join(eol) : null;
}
