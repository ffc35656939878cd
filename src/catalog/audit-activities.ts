import { z } from 'zod';
import { SOURCES } from './sources.js';

/**
 * Entra audit-log activities the analysis reads (activityDisplayName, Core Directory), and how a user update records
 * the account being disabled: the AccountEnabled property in targetResources[].modifiedProperties, newValue "[false]".
 */
export const AUDIT_ACTIVITIES = {
  disableAccount: 'Disable account',
  updateUser: 'Update user',
  accountEnabledProperty: 'AccountEnabled',
  source: SOURCES.auditActivities,
} as const;

/**
 * Entra audit activities (activityDisplayName) that say who stood behind an account: who created it, and who last set
 * its password. `unattended init` offers the person who initiated them as a possible owner.
 */
const auditActivitySchema = z.object({ name: z.string().min(1), means: z.enum(['created', 'password-set']), source: z.url() });

export const OWNER_AUDIT_ACTIVITIES = z.array(auditActivitySchema).parse([
  { name: 'Add user', means: 'created', source: SOURCES.auditActivities },
  { name: 'Add service principal', means: 'created', source: SOURCES.auditActivities },
  { name: 'Add application', means: 'created', source: SOURCES.auditActivities },
  { name: 'Reset user password', means: 'password-set', source: SOURCES.auditActivities },
  { name: 'Reset password (by admin)', means: 'password-set', source: SOURCES.auditActivities },
  { name: 'Change user password', means: 'password-set', source: SOURCES.auditActivities },
  { name: 'Update PasswordProfile', means: 'password-set', source: SOURCES.auditActivities },
]);

export type OwnerAuditMeaning = z.infer<typeof auditActivitySchema>['means'];
