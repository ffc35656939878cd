import { CLIENT_APP_TYPES, type ClientAppType } from '../../../catalog/conditional-access.js';
import type { AccessFacts } from '../../../model/access-facts.js';
import { unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

const BY_NAME: Readonly<Record<string, ClientAppType>> = CLIENT_APP_TYPES.byClientAppUsed;

export function clientAppType(clientAppUsed: string | null): ClientAppType | null {
  if (clientAppUsed === null) return null;
  return BY_NAME[clientAppUsed.trim().toLowerCase()] ?? null;
}

/** clientAppTypes: browser, mobile and desktop clients, Exchange ActiveSync ("easSupported" too), other (legacy) clients. */
export function clientAppTypesCondition(policy: CaPolicy, facts: AccessFacts): Answer {
  const wanted = policy.conditions.clientAppTypes;
  if (wanted.length === 0 || wanted.includes('all')) return 'yes';
  const type = clientAppType(facts.clientAppUsed);
  if (type === null) return unknown('clientAppTypes');
  if (type === 'exchangeActiveSync' && wanted.includes('easSupported')) return 'yes';
  return wanted.includes(type) ? 'yes' : 'no';
}
