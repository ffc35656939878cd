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
