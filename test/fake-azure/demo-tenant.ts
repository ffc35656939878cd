import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HeldRecords, isJsonRecord, parseRecord, type FakeTenant, type JsonRecord, type SignInKind } from './fake-tenant.js';

/**
 * The demo tenant (`generateDemo`'s tenant-export folder) as Graph and ARM would return it:
 * - directory objects: the Graph pages the demo wrote, as they are;
 * - sign-ins: each diagnostic record's `properties` (Graph beta's own shape) with `signInEventTypes` set from its
 *   category, as Graph has no envelope;
 * - Activity log: each diagnostic record in the REST API's shape (eventTimestamp, operationName.value, status.value,
 *   subStatus.value, claims, caller).
 * Collecting it must store what importing the folder stores: that is what the collect ≡ import test checks.
 */
const CATEGORY_KINDS: Readonly<Record<string, SignInKind>> = {
  signinlogs: 'interactiveUser',
  noninteractiveusersigninlogs: 'nonInteractiveUser',
  serviceprincipalsigninlogs: 'servicePrincipal',
  managedidentitysigninlogs: 'managedIdentity',
};

/** Diagnostic result words → the REST API's status values. */
const REST_STATUS: Readonly<Record<string, string>> = { Start: 'Started', Success: 'Succeeded', Failure: 'Failed' };

const UPN_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const OID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier';

function files(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function pageValues(path: string): JsonRecord[] {
  const page = parseRecord(readFileSync(path, 'utf8'));
  const value = page['value'];
  return Array.isArray(value) ? value.filter(isJsonRecord) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A diagnostic Activity-log record as the REST API returns the same event. */
export function restEvent(record: JsonRecord, subscriptionId: string): JsonRecord {
  const identity = isJsonRecord(record['identity']) ? record['identity'] : {};
  const claims = isJsonRecord(identity['claims']) ? identity['claims'] : {};
  const status = REST_STATUS[text(record['resultType'])] ?? text(record['resultType']);
  const signature = text(record['resultSignature']);
  const name = text(record['operationName']);
  const time = text(record['time']);
  const eventDataId = createHash('sha256').update([text(record['correlationId']), name.toLowerCase(), time, status].join('|')).digest('hex').slice(0, 32);
  return {
    authorization: identity['authorization'] ?? null,
    caller: text(claims[UPN_CLAIM]) || text(claims[OID_CLAIM]),
    channels: 'Operation',
    claims,
    correlationId: record['correlationId'],
    eventDataId: `${eventDataId.slice(0, 8)}-${eventDataId.slice(8, 12)}-${eventDataId.slice(12, 16)}-${eventDataId.slice(16, 20)}-${eventDataId.slice(20, 32)}`,
    category: { value: record['category'], localizedValue: record['category'] },
    eventTimestamp: time,
    level: record['level'],
    operationName: { value: name, localizedValue: name },
    resourceId: record['resourceId'],
    status: { value: status, localizedValue: status },
    subStatus: { value: signature.includes('.') ? signature.slice(signature.indexOf('.') + 1) : '', localizedValue: '' },
    submissionTimestamp: time,
    subscriptionId,
    properties: record['properties'] ?? {},
  };
}

export function loadDemoTenant(dataDir: string, tenantId: string): FakeTenant {
  const graph = join(dataDir, 'graph');
  const users = files(graph).filter((path) => /users(?:-\d+)?\.json$/u.test(path)).flatMap(pageValues);
  const signIns = new HeldRecords<SignInKind>();
  const activity = new HeldRecords<string>();
  const subscriptions = new Set<string>();
  for (const path of files(dataDir)) {
    const parts = relative(dataDir, path).split(sep);
    const top = parts[0] ?? '';
    if (top.startsWith('insights-logs-')) {
      const kind = CATEGORY_KINDS[top.slice('insights-logs-'.length)];
      if (!kind) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = parseRecord(line);
        const properties = isJsonRecord(record['properties']) ? record['properties'] : {};
        const signIn = { ...properties, signInEventTypes: [kind] };
        signIns.add(kind, Date.parse(text(properties['createdDateTime'])), JSON.stringify(signIn));
      }
    } else if (top === 'insights-activity-logs') {
      // insights-activity-logs/resourceId=/SUBSCRIPTIONS/<id>/y=…/PT1H.json
      const subscription = parts[3]?.toLowerCase() ?? '';
      subscriptions.add(subscription);
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = parseRecord(line);
        activity.add(subscription, Date.parse(text(record['time'])), JSON.stringify(restEvent(record, subscription)));
      }
    }
  }
  const read = (name: string): JsonRecord[] => (existsSync(join(graph, name)) ? pageValues(join(graph, name)) : []);
  return {
    tenantId,
    premium: true,
    users,
    registrationDetails: read('userRegistrationDetails.json'),
    servicePrincipals: read('servicePrincipals.json'),
    applications: read('applications.json'),
    owners: new Map(),
    policies: read('conditionalAccessPolicies.json'),
    namedLocations: read('namedLocations.json'),
    roleAssignments: read('roleAssignments.json'),
    groupMembers: new Map(),
    directoryAudits: read('directoryAudits.json'),
    signIns: signIns.seal(),
    subscriptions: [...subscriptions].sort(),
    activity: activity.seal(),
    azureRoleAssignments: [],
    portalSettings: null,
    policyStates: new Map(),
  };
}
