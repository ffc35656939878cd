import { FIRST_PARTY_APPS, PHASES, RESOURCES, type PhaseId } from '../../catalog/enforcement.js';
import { caPolicySchema } from '../../model/conditional-access-policy.js';
import type { WhatIfPolicy } from './what-if-policy.js';

/**
 * Mandatory MFA's two phases as policies on the what-if engine, built from the catalog: every user (Conditional
 * Access exclusions do not exempt anyone), MFA required; phase 1 on the Azure portal client at sign-in, phase 2 on the
 * ARM resource at each write (ARM enforces it; reads pass). The same evaluator judges them as a tenant's own policies.
 */

export function mandatoryPolicyId(phase: PhaseId): string {
  return `mandatory-mfa-${phase}`;
}

function appsOf(phase: PhaseId): string[] {
  if (phase === 'phase1') return FIRST_PARTY_APPS.filter((app) => app.role === 'portal' && app.phase === 'phase1').map((app) => app.id);
  return RESOURCES.filter((resource) => resource.inScope === 'phase2').map((resource) => resource.id);
}

export function mandatoryMfaPolicies(): WhatIfPolicy[] {
  return PHASES.map((phase) => ({
    policy: caPolicySchema.parse({
      id: mandatoryPolicyId(phase.id),
      displayName: `Mandatory MFA ${phase.id}: ${phase.enforces}`,
      state: 'enabled',
      conditions: {
        users: { includeUsers: ['All'] },
        applications: { includeApplications: appsOf(phase.id) },
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    }),
    enforcedAt: phase.operations === 'writes' ? 'arm-write' : 'sign-in',
    origin: phase.source,
  }));
}
