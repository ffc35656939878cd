import { UsageError } from '../../errors.js';

/** Where the test kit assigns the Azure Policy: a test subscription, or one resource group in it. */
export type TestScope = { kind: 'subscription'; subscription: string; id: string } | { kind: 'resourceGroup'; subscription: string; resourceGroup: string; id: string };

// Resource group names: letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (1–90).
const SCOPE = /^\/subscriptions\/(?<subscription>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:\/resourceGroups\/(?<group>[-\w.()]{0,89}[-\w()]))?\/?$/iu;

/**
 * Parse --scope. Only the two shapes pass, so what lands in the JSON, the shell command, Bicep and Terraform is a GUID
 * and a resource group name: nothing that could break out of a string in any of them.
 */
export function parseTestScope(value: string): TestScope {
  const match = SCOPE.exec(value.trim());
  const subscription = match?.groups?.['subscription']?.toLowerCase();
  if (subscription === undefined) {
    throw new UsageError(`--scope ${value} is not a subscription or resource group id`, 'give --scope /subscriptions/<id> or /subscriptions/<id>/resourceGroups/<name> of a test subscription');
  }
  const group = match?.groups?.['group'];
  return group === undefined
    ? { kind: 'subscription', subscription, id: `/subscriptions/${subscription}` }
    : { kind: 'resourceGroup', subscription, resourceGroup: group, id: `/subscriptions/${subscription}/resourceGroups/${group}` };
}
