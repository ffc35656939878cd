import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
const url = z.url();

export const appEntrySchema = z.object({ id: guid, name: z.string().min(1), role: z.enum(['portal', 'arm-client', 'graph-client', 'other']), phase: z.enum(['phase1', 'phase2']).nullable(), source: url });
export const resourceEntrySchema = z.object({ id: guid, name: z.string().min(1), inScope: z.enum(['phase2', 'none']), source: url });
export const errorCodeEntrySchema = z.object({ code: z.number().int(), meaning: z.string().min(1), mfaRequired: z.boolean(), source: url });
export const policyDefinitionEntrySchema = z.object({ id: guid, name: z.string().min(1), covers: z.enum(['create-update', 'delete']), effects: z.array(z.string()).min(1), source: url });
export const phaseEntrySchema = z.object({
  id: z.enum(['phase1', 'phase2']),
  enforces: z.string().min(1),
  operations: z.enum(['all', 'writes']),
  defaultDate: isoDate,
  latestPostponement: isoDate,
  source: url,
});
export const directoryRoleEntrySchema = z.object({ id: guid, name: z.string().min(1), privileged: z.boolean(), source: url });
export const caAppEntrySchema = z.object({
  id: guid,
  name: z.string().min(1),
  /** The Conditional Access app groups (includeApplications keywords) this app belongs to; empty: none of them. */
  groups: z.array(z.enum(['Office365', 'MicrosoftAdminPortals'])),
  /** Matched as the client a person signs in with, whatever resource it then asks for (the admin portals). */
  matchesClient: z.boolean(),
  source: url,
});
export const caErrorCodeEntrySchema = z.object({
  code: z.number().int(),
  meaning: z.string().min(1),
  /** 'refused': Conditional Access (or MFA) was evaluated and refused; 'first-factor': the sign-in failed before it was evaluated. */
  stage: z.enum(['refused', 'first-factor']),
  source: url,
});
export const authenticationStrengthEntrySchema = z.object({ id: guid, name: z.string().min(1), allowedCombinations: z.array(z.string().min(1)).min(1), source: url });
export const authenticationMethodEntrySchema = z.object({
  /** authenticationDetails[].authenticationMethod as the sign-in logs write it, lower-cased. */
  method: z.string().min(1),
  /** The authentication strength combinations a step with this method may have been part of. */
  combinations: z.array(z.string().min(1)).min(1),
  source: url,
});
export const audienceEntrySchema = z.object({
  /** aud as tokens carry it: an app id URI (with or without its trailing slash) or the resource's app id. */
  values: z.array(z.string().min(1)).min(1),
  name: z.string().min(1),
  /** Which mandatory MFA phase enforces tokens for it: phase1 (the portal), phase2 (ARM writes), none. */
  phase: z.enum(['phase1', 'phase2', 'none']),
  /** A sovereign cloud's endpoint: mandatory MFA was enforced in public Azure only. */
  sovereign: z.boolean(),
  source: url,
});
export const amrEntrySchema = z.object({ value: z.string().min(1), meaning: z.string().min(1), mfa: z.boolean(), source: url });
