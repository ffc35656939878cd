import type { AccessFacts } from '../../../model/access-facts.js';
import { unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

/**
 * devices: a device filter is a rule over device attributes (extensionAttributes, model, isCompliant, …) that the
 * sign-in logs carry only in part; the legacy include/exclude device states likewise. Both are left unknown.
 */
export function devicesCondition(policy: CaPolicy): Answer {
  const devices = policy.conditions.devices;
  if (devices === null) return 'yes';
  if (devices.deviceFilter !== null && (devices.deviceFilter.rule ?? '') !== '') return unknown('devices.deviceFilter');
  if (devices.includeDevices.length + devices.excludeDevices.length > 0) return unknown('devices.deviceStates');
  return 'yes';
}

/** authenticationFlows: device code flow from the logged protocol; authentication transfer is not stored. */
export function authenticationFlowsCondition(policy: CaPolicy, facts: AccessFacts): Answer {
  const flows = policy.conditions.authenticationFlows;
  if (flows === null || flows.transferMethods.length === 0) return 'yes';
  if (facts.protocol === 'deviceCode' && flows.transferMethods.includes('deviceCodeFlow')) return 'yes';
  if (flows.transferMethods.includes('authenticationTransfer')) return unknown('authenticationFlows.authenticationTransfer');
  if (facts.protocol === null) return unknown('authenticationFlows');
  return 'no';
}
