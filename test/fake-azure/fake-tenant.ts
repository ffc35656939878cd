/**
 * What the fake Azure serves: a tenant's directory objects (as Graph returns them), its sign-ins by kind (as Graph beta
 * returns them, newest first), subscriptions and their Activity-log events (as the ARM REST API returns them), Resource
 * Graph role assignments, the portal's MFA settings and MFA policy states. Sign-ins and events are read through
 * ranges, so a source may hold them (the demo tenant) or make them on demand (millions, for the benchmark).
 */
export type JsonRecord = Record<string, unknown>;

export type SignInKind = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';

/** Records in a time range, newest first, read a slice at a time. */
export interface TimedRecords<K> {
  /** How many records of `key` have a time in [fromMs, toMs]. */
  count(key: K, fromMs: number, toMs: number): number;
  /** The records of `key` in [fromMs, toMs], newest first, from `offset`, at most `limit`. */
  slice(key: K, fromMs: number, toMs: number, offset: number, limit: number): JsonRecord[];
}

export interface FakeTenant {
  tenantId: string;
  premium: boolean;
  users: JsonRecord[];
  registrationDetails: JsonRecord[];
  servicePrincipals: JsonRecord[];
  applications: JsonRecord[];
  owners: ReadonlyMap<string, JsonRecord[]>;
  policies: JsonRecord[];
  namedLocations: JsonRecord[];
  roleAssignments: JsonRecord[];
  groupMembers: ReadonlyMap<string, JsonRecord[]>;
  /** Entra audit events (Graph's directoryAudit shape), any order. */
  directoryAudits: JsonRecord[];
  signIns: TimedRecords<SignInKind>;
  subscriptions: string[];
  activity: TimedRecords<string>;
  azureRoleAssignments: JsonRecord[];
  portalSettings: JsonRecord | null;
  policyStates: ReadonlyMap<string, JsonRecord[]>;
}

/**
 * Timed records held in memory as JSON texts (a parsed sign-in costs several times its text), sorted newest first per
 * key; a range is found by binary search and parsed only when served.
 */
export class HeldRecords<K> implements TimedRecords<K> {
  private readonly byKey = new Map<K, { ms: number; record: string }[]>();

  add(key: K, ms: number, record: string): void {
    const list = this.byKey.get(key) ?? [];
    list.push({ ms, record });
    this.byKey.set(key, list);
  }

  /** Sort once everything is added. */
  seal(): this {
    for (const list of this.byKey.values()) list.sort((a, b) => b.ms - a.ms);
    return this;
  }

  private range(key: K, fromMs: number, toMs: number): { list: { ms: number; record: string }[]; first: number; end: number } {
    const list = this.byKey.get(key) ?? [];
    // Newest first: the first index with ms <= toMs, and the first with ms < fromMs.
    const firstAtOrBelow = (limit: number, inclusive: boolean): number => {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const ms = list[mid]?.ms ?? 0;
        if (inclusive ? ms > limit : ms >= limit) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return { list, first: firstAtOrBelow(toMs, true), end: firstAtOrBelow(fromMs, false) };
  }

  count(key: K, fromMs: number, toMs: number): number {
    const { first, end } = this.range(key, fromMs, toMs);
    return Math.max(0, end - first);
  }

  slice(key: K, fromMs: number, toMs: number, offset: number, limit: number): JsonRecord[] {
    const { list, first, end } = this.range(key, fromMs, toMs);
    return list.slice(first + offset, Math.min(end, first + offset + limit)).map((entry) => parseRecord(entry.record));
  }
}

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseRecord(text: string): JsonRecord {
  const value: unknown = JSON.parse(text);
  if (!isJsonRecord(value)) throw new Error('not a JSON object');
  return value;
}

/** A tenant with nothing in it but what `parts` gives (tests of one collection at a time). */
export function emptyTenant(tenantId: string, parts: Partial<FakeTenant> = {}): FakeTenant {
  return {
    tenantId, premium: true, users: [], registrationDetails: [], servicePrincipals: [], applications: [], owners: new Map(), policies: [], namedLocations: [],
    roleAssignments: [], groupMembers: new Map(), directoryAudits: [], signIns: new HeldRecords<SignInKind>(), subscriptions: [], activity: new HeldRecords<string>(),
    azureRoleAssignments: [], portalSettings: null, policyStates: new Map(), ...parts,
  };
}
