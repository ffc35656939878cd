import type { MigrationPlan } from '../../../model/plan.js';

/** What a generator needs: the plan, whose account it replaces, and the tenant. */
export interface ArtifactInput {
  plan: MigrationPlan;
  account: string;
  tenantId: string | null;
}

export interface ArtifactFile {
  /** Relative to the output folder. */
  path: string;
  content: string;
  /** What the user must know about this file (a code patch's withheld secret lines), printed when it is written. */
  notes?: readonly string[];
}

export const FEDERATION_AUDIENCE = 'api://AzureADTokenExchange';

/** A Terraform / Bicep identifier from free text: letters, digits and underscores, starting with a letter. */
export function symbol(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9]+/gu, '_').replace(/^_+|_+$/gu, '');
  return /^[a-z]/u.test(cleaned) ? cleaned : `x_${cleaned}`;
}

/** A federated credential's name: 3–120 characters of letters, digits, '-' and '_' (Entra's rule). */
export function credentialName(subject: string, index: number): string {
  const cleaned = subject.replace(/^repo:[^:]+:/u, '').replace(/^sc:\/\/[^/]+\/[^/]+\//u, 'sc-').replace(/[^A-Za-z0-9_-]+/gu, '-').replace(/^-+|-+$/gu, '');
  return `${cleaned || 'subject'}-${index + 1}`.slice(0, 120);
}

/** Every role-definition action the plan's custom role holds: writes and actions, reads, and the deletes listed apart. */
export function customRoleActions(plan: MigrationPlan): string[] {
  const custom = plan.leastPrivilege?.custom;
  return custom ? [...custom.actions, ...custom.deleteActions, ...custom.readActions] : [];
}
