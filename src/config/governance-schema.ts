import { z } from 'zod';
import { isoDateSchema } from './iso-date.js';

/**
 * The governance half of unattended.yaml: who owns what, which exceptions are approved until when, which identities
 * are to be retired, and the gate's thresholds. Structure only: whether an exception is too long or has expired is the
 * gate's verdict (src/engines/govern/), since it depends on the day the gate runs.
 */

/** Some text: at least one character that is not a space (a pattern, so the JSON Schema says the same). */
const text = z.string().regex(/\S/u, 'a non-empty text');
const textList = z.array(text);

export const IDENTITY_CLASS_NAMES = ['human', 'service-account', 'break-glass', 'workload-identity', 'unknown'] as const;

export const ownerSchema = z
  .object({
    team: text.meta({ description: 'The team accountable for the identity or automation.' }),
    process: text.optional().meta({ description: 'The business process it supports, e.g. "nightly backups".' }),
    contacts: textList.optional().meta({ description: 'Who to reach about it (e-mail addresses, channels).' }),
    approvers: textList.optional().meta({ description: 'Who may approve exceptions for it.' }),
  })
  .strict();

/** What an owner rule can match on; exactly one per rule. */
export const OWNER_MATCHERS = ['id', 'upn', 'pattern', 'tag', 'path'] as const;
export type OwnerMatcher = (typeof OWNER_MATCHERS)[number];

export const ownerRuleSchema = z
  .object({
    id: text.optional().meta({ description: 'An object ID (user, service principal, managed identity) or a client (app) ID.' }),
    upn: text.optional().meta({ description: 'A user principal name.' }),
    pattern: text.optional().meta({ description: 'A glob over UPNs (display names for identities without one): * any run of characters, ? one.' }),
    tag: text.optional().meta({ description: 'A directory tag of a service principal (Graph servicePrincipal.tags).' }),
    path: text.optional().meta({ description: 'A glob over scanned automation files, relative to the scanned folder: ** any folders, * within a name.' }),
    owner: ownerSchema.nullable().meta({ description: 'The owner; null lists the identity as not yet owned (unattended init writes that).' }),
  })
  .strict()
  .refine((rule) => OWNER_MATCHERS.filter((key) => rule[key] !== undefined).length === 1, { message: `give exactly one of ${OWNER_MATCHERS.join(', ')}` })
  .meta({ description: 'One owner rule: an identity or pattern, and its owner.', oneOf: OWNER_MATCHERS.map((key) => ({ required: [key] })) });

export const exceptionSchema = z
  .object({
    identity: text.optional().meta({ description: 'The identity excepted: UPN, object ID, client ID, or the name of the variable or secret the code signs in with.' }),
    path: text.optional().meta({ description: 'A glob over scanned automation files the exception covers.' }),
    reason: text.meta({ description: 'Why the automation may keep signing in as a user for now.' }),
    approver: text.optional().meta({ description: 'Who approved it (one of the owner\'s approvers). The gate fails without one.' }),
    created: isoDateSchema.meta({ description: 'When it was approved, YYYY-MM-DD.' }),
    expires: isoDateSchema.meta({ description: 'The last day it holds, YYYY-MM-DD; at most gate.maxExceptionDays after created.' }),
    untilMigrationOf: text.optional().meta({ description: 'The migration it waits for (an identity or workload), if any.' }),
  })
  .strict()
  .refine((entry) => entry.identity !== undefined || entry.path !== undefined, { message: 'give identity, path, or both' })
  .meta({ description: 'An approved exception, with its expiry.', anyOf: [{ required: ['identity'] }, { required: ['path'] }] });

export const retirementSchema = z
  .object({
    identity: text.meta({ description: 'The identity to retire: UPN, object ID or client ID.' }),
    decidedBy: text.meta({ description: 'Who decided it.' }),
    date: isoDateSchema.meta({ description: 'From this day on it must not sign in, YYYY-MM-DD.' }),
    reason: text.optional(),
  })
  .strict()
  .meta({ description: 'A decision to retire an identity.' });

export const gateSchema = z
  .object({
    maxExceptionDays: z.number().int().min(1).max(3650).optional().meta({ description: 'Longest an exception may last, created to expires (default 90).' }),
    expiringWithinDays: z.number().int().min(0).max(3650).optional().meta({ description: 'Exceptions expiring within this many days are called out (default 14).' }),
    ownersRequiredFor: z.array(z.enum(IDENTITY_CLASS_NAMES)).optional().meta({ description: 'Classes of identity that must have an owner (default [service-account]).' }),
  })
  .strict()
  .meta({ description: 'Thresholds of unattended check.' });

export type OwnerRule = z.infer<typeof ownerRuleSchema>;
export type Owner = z.infer<typeof ownerSchema>;
export type ExceptionEntry = z.infer<typeof exceptionSchema>;
export type RetirementEntry = z.infer<typeof retirementSchema>;
export type GateSettings = z.infer<typeof gateSchema>;
