/**
 * The demo's what-if policy file: the policy every tenant is tempted to add, "require MFA for all users on all
 * apps", with the break-glass accounts excluded as Microsoft advises. `unattended analyze --what-if` on it names the
 * service accounts (and their code) that would fail and no person who already completes MFA.
 */
import type { DemoDirectory } from './directory.js';
import { createRng } from './prng.js';

export const WHAT_IF_POLICY_FILE = 'what-if-require-mfa-all-users.json';

export function whatIfPolicyJson(directory: DemoDirectory): string {
  const rng = createRng(directory.seed, 'what-if-policy');
  const breakGlass = directory.users.filter((user) => user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password').map((user) => user.id);
  const policy = {
    id: rng.uuid(),
    displayName: 'What-if: Require multifactor authentication for all users',
    state: 'enabled',
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: breakGlass, includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
      clientAppTypes: ['all'],
      platforms: null,
      locations: null,
      signInRiskLevels: [],
      userRiskLevels: [],
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null },
    sessionControls: null,
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
