import { z } from 'zod';

/**
 * A Conditional Access policy in Microsoft Graph's shape (conditionalAccessPolicy), checked at the boundary: lenient
 * where Graph is (unknown fields pass, a missing or null list is empty, a missing condition is null), strict only about
 * what the evaluator cannot do without (an id and a known state). Source: SOURCES.caPolicy.
 */

const strings = z.array(z.string()).nullish().transform((value) => value ?? []);
const maybeText = z.string().nullish().transform((value) => value ?? null);

const filterSchema = z.looseObject({ mode: maybeText, rule: maybeText }).nullish().transform((value) => value ?? null);

const externalTenantsSchema = z
  .looseObject({ membershipKind: maybeText, members: strings })
  .nullish()
  .transform((value) => value ?? null);

const guestsSchema = z
  .looseObject({
    /** A comma-separated list in Graph ("internalGuest,b2bCollaborationGuest"); a list is accepted too. */
    guestOrExternalUserTypes: z.union([z.string(), z.array(z.string())]).nullish().transform((value) => {
      if (value === null || value === undefined) return [];
      const list = Array.isArray(value) ? value : value.split(',');
      return list.map((item) => item.trim()).filter((item) => item.length > 0);
    }),
    externalTenants: externalTenantsSchema,
  })
  .nullish()
  .transform((value) => value ?? null);

const usersSchema = z
  .looseObject({
    includeUsers: strings,
    excludeUsers: strings,
    includeGroups: strings,
    excludeGroups: strings,
    includeRoles: strings,
    excludeRoles: strings,
    includeGuestsOrExternalUsers: guestsSchema,
    excludeGuestsOrExternalUsers: guestsSchema,
  })
  .nullish()
  .transform((value) => value ?? null);

const applicationsSchema = z
  .looseObject({
    includeApplications: strings,
    excludeApplications: strings,
    includeUserActions: strings,
    includeAuthenticationContextClassReferences: strings,
    applicationFilter: filterSchema,
  })
  .nullish()
  .transform((value) => value ?? { includeApplications: [], excludeApplications: [], includeUserActions: [], includeAuthenticationContextClassReferences: [], applicationFilter: null });

const clientApplicationsSchema = z
  .looseObject({ includeServicePrincipals: strings, excludeServicePrincipals: strings, servicePrincipalFilter: filterSchema })
  .nullish()
  .transform((value) => value ?? null);

const platformsSchema = z
  .looseObject({ includePlatforms: strings, excludePlatforms: strings })
  .nullish()
  .transform((value) => (value ? { include: value.includePlatforms, exclude: value.excludePlatforms } : null));

const locationsSchema = z
  .looseObject({ includeLocations: strings, excludeLocations: strings })
  .nullish()
  .transform((value) => (value ? { include: value.includeLocations, exclude: value.excludeLocations } : null));

const devicesSchema = z
  .looseObject({ includeDevices: strings, excludeDevices: strings, deviceFilter: filterSchema })
  .nullish()
  .transform((value) => value ?? null);

const authenticationFlowsSchema = z
  .looseObject({
    transferMethods: z.union([z.string(), z.array(z.string())]).nullish().transform((value) => {
      if (value === null || value === undefined) return [];
      return (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item.length > 0);
    }),
  })
  .nullish()
  .transform((value) => value ?? null);

const conditionsSchema = z.looseObject({
  users: usersSchema,
  applications: applicationsSchema,
  clientApplications: clientApplicationsSchema,
  clientAppTypes: strings,
  platforms: platformsSchema,
  locations: locationsSchema,
  devices: devicesSchema,
  signInRiskLevels: strings,
  userRiskLevels: strings,
  servicePrincipalRiskLevels: strings,
  insiderRiskLevels: z.unknown().optional().transform((value) => (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '' ? null : value)),
  authenticationFlows: authenticationFlowsSchema,
});

const authenticationStrengthSchema = z
  .looseObject({ id: maybeText, displayName: maybeText, allowedCombinations: strings })
  .nullish()
  .transform((value) => value ?? null);

const grantControlsSchema = z
  .looseObject({
    operator: z.string().nullish().transform((value) => (value?.toUpperCase() === 'AND' ? 'AND' : 'OR')),
    builtInControls: strings,
    customAuthenticationFactors: strings,
    termsOfUse: strings,
    authenticationStrength: authenticationStrengthSchema,
  })
  .nullish()
  .transform((value) => value ?? null);

export const POLICY_STATES = ['enabled', 'enabledForReportingButNotEnforced', 'disabled'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

export const caPolicySchema = z.looseObject({
  id: z.string().trim().min(1, 'a policy needs an id').transform((value) => value.toLowerCase()),
  displayName: maybeText,
  state: z.enum(POLICY_STATES, { error: () => ({ message: `state must be one of ${POLICY_STATES.join(', ')}` }) }),
  conditions: z.preprocess((value) => value ?? {}, conditionsSchema),
  grantControls: grantControlsSchema,
});

export type CaPolicy = z.infer<typeof caPolicySchema>;
