import { GUEST_OR_EXTERNAL_USER_TYPES, type GuestOrExternalUserType } from '../../../catalog/conditional-access.js';
import type { AccessFacts, DirectoryFacts } from '../../../model/access-facts.js';
import { allOf, anyOf, not, unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

type Users = NonNullable<CaPolicy['conditions']['users']>;
type Guests = NonNullable<Users['includeGuestsOrExternalUsers']>;

/**
 * Which kind of guest or external user signed in (conditionalAccessGuestsOrExternalUsers), from the sign-in's cross-tenant
 * access type and user type, the directory's user type when the sign-in lacks it. 'member' when neither guest nor
 * external; null when the record cannot tell.
 */
export function guestKind(facts: AccessFacts, directory: DirectoryFacts): GuestOrExternalUserType | 'member' | null {
  const userType = facts.userType ?? directory.userTypes.get(facts.principalId) ?? null;
  switch (facts.crossTenantAccessType) {
    case 'b2bDirectConnect':
      return 'b2bDirectConnectUser';
    case 'serviceProvider':
      return 'serviceProvider';
    case 'passthrough':
      return 'otherExternalUser';
    case 'b2bCollaboration':
      return userType === 'guest' ? 'b2bCollaborationGuest' : userType === 'member' ? 'b2bCollaborationMember' : null;
    default:
      if (userType === 'guest') {
        // A guest whose home tenant is another tenant is external, whatever the cross-tenant field says.
        const external = facts.homeTenantId !== null && facts.resourceTenantId !== null && facts.homeTenantId !== facts.resourceTenantId;
        return external ? 'b2bCollaborationGuest' : 'internalGuest';
      }
      return userType === 'member' ? 'member' : null;
  }
}

function guestsMatch(guests: Guests | null, facts: AccessFacts, directory: DirectoryFacts): Answer {
  if (guests === null || guests.guestOrExternalUserTypes.length === 0) return 'no';
  const kind = guestKind(facts, directory);
  if (kind === null) return unknown('users.guestsOrExternalUsers');
  if (kind === 'member') return 'no';
  const types = new Set(guests.guestOrExternalUserTypes);
  if (!types.has(kind)) return 'no';
  const tenants = guests.externalTenants;
  // An internal guest has no other tenant: the tenants filter is for the external kinds.
  if (tenants === null || kind === 'internalGuest' || tenants.membershipKind !== 'enumerated') return 'yes';
  if (facts.homeTenantId === null) return unknown('users.guestsOrExternalUsers.externalTenants');
  return tenants.members.map((member) => member.toLowerCase()).includes(facts.homeTenantId) ? 'yes' : 'no';
}

function memberOf(groupIds: readonly string[], userId: string, directory: DirectoryFacts, side: string): Answer {
  return anyOf(
    groupIds.map((id) => {
      const members = directory.groupMembers.get(id.toLowerCase());
      // A group whose members were not imported cannot be answered for anyone.
      if (members === undefined) return unknown(`users.${side}Groups`);
      return members.has(userId) ? 'yes' : 'no';
    }),
  );
}

function holds(roleIds: readonly string[], userId: string, directory: DirectoryFacts, side: string): Answer {
  if (roleIds.length === 0) return 'no';
  if (!directory.rolesImported) return unknown(`users.${side}Roles`);
  return anyOf(roleIds.map((id) => (directory.roleHolders.get(id.toLowerCase())?.has(userId) ? 'yes' : 'no')));
}

function listed(ids: readonly string[], userId: string): boolean {
  return ids.some((id) => id.toLowerCase() === userId);
}

/** Whether the policy's users condition takes this user in: included (users, groups, roles, guests) and not excluded. */
export function usersCondition(policy: CaPolicy, facts: AccessFacts, directory: DirectoryFacts): Answer {
  const users = policy.conditions.users;
  if (users === null) return 'no';
  const id = facts.principalId;
  if (users.includeUsers.includes('None')) return 'no';
  const included = anyOf([
    users.includeUsers.includes('All') || listed(users.includeUsers, id) ? 'yes' : 'no',
    // The legacy keyword for every guest and external user.
    users.includeUsers.includes('GuestsOrExternalUsers') ? guestsMatch({ guestOrExternalUserTypes: [...GUEST_OR_EXTERNAL_USER_TYPES.values], externalTenants: null }, facts, directory) : 'no',
    memberOf(users.includeGroups, id, directory, 'include'),
    holds(users.includeRoles, id, directory, 'include'),
    guestsMatch(users.includeGuestsOrExternalUsers, facts, directory),
  ]);
  if (included === 'no') return 'no';
  const excluded = anyOf([
    listed(users.excludeUsers, id) ? 'yes' : 'no',
    users.excludeUsers.includes('GuestsOrExternalUsers') ? guestsMatch({ guestOrExternalUserTypes: [...GUEST_OR_EXTERNAL_USER_TYPES.values], externalTenants: null }, facts, directory) : 'no',
    memberOf(users.excludeGroups, id, directory, 'exclude'),
    holds(users.excludeRoles, id, directory, 'exclude'),
    guestsMatch(users.excludeGuestsOrExternalUsers, facts, directory),
  ]);
  // An exclusion beats an inclusion.
  return allOf([included, not(excluded)]);
}

/** Whether the policy names any user at all (else it is a workload identity policy, or names no one). */
export function targetsUsers(policy: CaPolicy): boolean {
  const users = policy.conditions.users;
  if (users === null) return false;
  return users.includeUsers.length + users.includeGroups.length + users.includeRoles.length > 0 || (users.includeGuestsOrExternalUsers?.guestOrExternalUserTypes.length ?? 0) > 0;
}
