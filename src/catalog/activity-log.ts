/**
 * Activity-log statuses that mark an operation still under way. One write is logged as a Started (or Accepted)
 * event and then a Succeeded or Failed event with the same correlation ID: counting only the other statuses counts
 * each operation once. Source: https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema
 */
export const IN_PROGRESS_STATUSES = ['started', 'accepted'] as const;
