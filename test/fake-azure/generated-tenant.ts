import { createHash } from 'node:crypto';
import { emptyTenant, type FakeTenant, type JsonRecord, type SignInKind, type TimedRecords } from './fake-tenant.js';

/**
 * A tenant of any size whose sign-ins are made when a page is asked for, never held: sign-in i (0 = oldest) of a kind
 * is at `start + i * step`, with an ID, user, address and outcome drawn from i. Millions of sign-ins cost the server a
 * page at a time, so a benchmark measures the client's memory, not the server's.
 */
const KINDS: readonly SignInKind[] = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'];
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

function guid(seed: string): string {
  const hex = createHash('md5').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function signIn(tenantId: string, kind: SignInKind, index: number, at: number): JsonRecord {
  const user = index % 5_000;
  const workload = kind === 'servicePrincipal' || kind === 'managedIdentity';
  const failed = index % 97 === 0;
  return {
    id: guid(`${kind}:${index}`),
    createdDateTime: new Date(at).toISOString(),
    userId: workload ? null : guid(`user:${user}`),
    userPrincipalName: workload ? null : `user${user}@contoso.example`,
    userDisplayName: workload ? null : `User ${user}`,
    userType: workload ? null : 'member',
    appId: workload ? guid(`app:${user % 200}`) : CLI,
    appDisplayName: workload ? null : 'Microsoft Azure CLI',
    resourceId: ARM,
    resourceDisplayName: 'Windows Azure Service Management API',
    servicePrincipalId: workload ? guid(`sp:${user % 200}`) : null,
    servicePrincipalName: workload ? `workload-${user % 200}` : null,
    ipAddress: `20.${(user >> 8) & 255}.${user & 255}.${index % 250}`,
    autonomousSystemNumber: 8075,
    location: { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL' },
    clientAppUsed: workload ? null : 'Mobile Apps and Desktop clients',
    userAgent: workload ? null : 'python-requests/2.31.0 azure-cli/2.60',
    isInteractive: kind === 'interactiveUser',
    signInEventTypes: [kind],
    authenticationRequirement: workload ? null : 'singleFactorAuthentication',
    authenticationProtocol: workload ? null : 'ropc',
    authenticationDetails: workload ? [] : [{ authenticationMethod: 'Password', succeeded: !failed, authenticationStepRequirement: 'Primary authentication', authenticationStepResultDetail: failed ? 'Invalid username or password' : 'Correct password' }],
    conditionalAccessStatus: 'notApplied',
    appliedConditionalAccessPolicies: [],
    status: { errorCode: failed ? 50126 : 0, failureReason: failed ? 'Invalid username or password.' : null, additionalDetails: null },
    clientCredentialType: workload ? 'clientSecret' : 'none',
    homeTenantId: tenantId,
    resourceTenantId: tenantId,
    crossTenantAccessType: 'none',
    incomingTokenType: 'none',
    correlationId: guid(`correlation:${index}`),
    sessionId: workload ? null : guid(`session:${user}`),
  };
}

class GeneratedSignIns implements TimedRecords<SignInKind> {
  constructor(
    private readonly tenantId: string,
    private readonly perKind: number,
    private readonly start: number,
    private readonly step: number,
  ) {}

  /** The indexes of the records in [fromMs, toMs]: first (oldest) and last, or null when none. */
  private range(fromMs: number, toMs: number): { first: number; last: number } | null {
    const first = Math.max(0, Math.ceil((fromMs - this.start) / this.step));
    const last = Math.min(this.perKind - 1, Math.floor((toMs - this.start) / this.step));
    return first > last ? null : { first, last };
  }

  count(_kind: SignInKind, fromMs: number, toMs: number): number {
    const range = this.range(fromMs, toMs);
    return range === null ? 0 : range.last - range.first + 1;
  }

  slice(kind: SignInKind, fromMs: number, toMs: number, offset: number, limit: number): JsonRecord[] {
    const range = this.range(fromMs, toMs);
    if (range === null) return [];
    const out: JsonRecord[] = [];
    // Newest first: offset 0 is the last index of the range.
    for (let index = range.last - offset; index >= range.first && out.length < limit; index -= 1) out.push(signIn(this.tenantId, kind, index, this.start + index * this.step));
    return out;
  }
}

/**
 * `signIns` sign-ins (split evenly over the four kinds) spread over [since, until), half a step off the start: no
 * sign-in falls on a day's edge (read by both days' windows), as few real ones do at millisecond precision.
 */
export function generatedTenant(signIns: number, since: Date, until: Date): FakeTenant {
  const tenantId = '4d3bac44-0230-4732-9e70-cc00736f0a97';
  const perKind = Math.ceil(signIns / KINDS.length);
  const step = (until.getTime() - since.getTime()) / perKind;
  return emptyTenant(tenantId, { signIns: new GeneratedSignIns(tenantId, perKind, since.getTime() + step / 2, step) });
}
