import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FaultPlan } from './faults.js';
import { isJsonRecord, type FakeTenant, type JsonRecord, type SignInKind } from './fake-tenant.js';
import { parseFilter, timeRange } from './odata-filter.js';

/**
 * A local stand-in for Microsoft Graph, Azure Resource Manager (with Resource Graph and Policy Insights), the Log
 * Analytics query API and an Azure Data Explorer cluster, on 127.0.0.1, serving a FakeTenant:
 * - paging with @odata.nextLink / nextLink and skip tokens, delta queries with delta links;
 * - $filter (sign-in kind and createdDateTime, eventTimestamp, policy definitions) and $select on what collect asks;
 * - the documented throttles of each API family (with a faster clock in tests): 429 with a Retry-After when a
 *   window is full; requests arriving while a Retry-After runs are counted as violations;
 * - bearer tokens checked against a set the test controls; denied permissions answered 403;
 * - injected faults (faults.ts).
 * Log Analytics and ADX answer only with responses a test wrote by hand: this server runs no KQL.
 */
export type FakeBudget = 'graph-reports' | 'graph-directory' | 'graph-conditional-access' | 'arm' | 'resource-graph' | 'log-analytics';
export type FakePermission = 'AuditLog.Read.All' | 'Directory.Read.All' | 'Policy.Read.All' | 'RoleManagement.Read.Directory' | 'Reader' | 'Log Analytics Reader';

export interface ThrottleLimit {
  requests: number;
  perMs: number;
}

export interface KustoAnswer {
  status: number;
  body: unknown;
}

export interface FakeAzureOptions {
  tenant: FakeTenant;
  /** Tokens accepted now. */
  tokens: Set<string>;
  limits: Partial<Record<FakeBudget, ThrottleLimit>>;
  fault?: FaultPlan;
  /** The next token when the current one expires (fault token-expiry); the test writes it where the client reads tokens. */
  onTokenExpired?: () => void;
  denied?: ReadonlySet<FakePermission>;
  /** Page size of directory collections (Graph's default is 100). */
  directoryPageSize?: number;
  /** Page size of Activity-log pages. */
  activityPageSize?: number;
  /** At most this many sign-ins a page, whatever $top asks (Graph may page smaller than asked). */
  signInPageSize?: number;
  /** Hand-written answers of the Log Analytics query API, by workspace and query text. */
  logAnalytics?: (workspace: string, body: JsonRecord) => KustoAnswer | null;
  /** Hand-written answers of the ADX v1 query endpoint. */
  adx?: (body: JsonRecord) => KustoAnswer | null;
  /**
   * How long after a 429 a request still counts as already on its way (default 25 ms). A client in the same process
   * shares the event loop, so the server may see a request sent before the 429 arrived long after it: tests that run
   * the client in process allow more.
   */
  inFlightGraceMs?: number;
}

export interface RequestLog {
  /** When the request arrived (what the throttle counts) and when it was answered, epoch ms. */
  arrived: number;
  at: number;
  method: string;
  path: string;
  status: number;
  budget: FakeBudget;
}

export interface FakeAzureStats {
  requests: number;
  byStatus: Map<number, number>;
  /** Requests that arrived while a Retry-After the server sent was still running (after the in-flight grace). */
  violations: number;
  /**
   * Requests sent again before the Retry-After their 429 gave had run out: the same method, URL and body as the
   * throttled one (every $batch is a POST to the same URL: only its body tells one from another). No grace: a client can
   * send a request again only once it has read the 429.
   */
  earlyRetries: number;
  throttled: number;
  faults: number;
  /** Sign-in records served (all pages). */
  signInsServed: number;
}

/** A request that arrives this soon after its 429 was sent was already on its way: not a violation. */
const IN_FLIGHT_GRACE_MS = 25;

function encodeToken(value: JsonRecord): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeToken(token: string | null): JsonRecord {
  if (token === null) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return isJsonRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function numberOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function project(record: JsonRecord, select: string | null): JsonRecord {
  if (select === null) return record;
  const out: JsonRecord = {};
  for (const name of select.split(',')) {
    const key = name.trim();
    if (key in record) out[key] = record[key];
  }
  // Directory objects always carry their type, as Graph returns them.
  if ('@odata.type' in record) out['@odata.type'] = record['@odata.type'];
  return out;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

interface Routed {
  budget: FakeBudget;
  permission: FakePermission;
  handle: () => unknown;
}

/**
 * Sign-ins are made this many at a time, the event loop free in between: a request arriving while a page of 1,000 is
 * made is then counted by the throttle when it arrives, as a real service's gateway counts it, not when the page is done.
 */
const SIGN_IN_SLICE = 100;

export class FakeAzure {
  readonly stats: FakeAzureStats = { requests: 0, byStatus: new Map(), violations: 0, earlyRetries: 0, throttled: 0, faults: 0, signInsServed: 0 };
  /** method + URL of each request answered 429 with a Retry-After → until when. */
  private readonly retryAfter = new Map<string, number>();
  readonly log: RequestLog[] = [];
  private server: Server | null = null;
  private base = '';
  private readonly windows = new Map<FakeBudget, number[]>();
  /** Per budget: until when a Retry-After the server sent runs, and when it was sent. */
  private readonly pauses = new Map<FakeBudget, { until: number; sentAt: number }>();
  private counter = 0;
  /** The request being served (method and URL), for the Retry-After it may be given. */
  private current = '';
  private loopServed = false;
  private readonly directoryVersion = { users: 0, servicePrincipals: 0 };

  constructor(readonly options: FakeAzureOptions) {}

  get url(): string {
    return this.base;
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.serve(request, response);
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    this.server = server;
    this.base = `http://127.0.0.1:${address.port}`;
    return this.base;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Record that a user changed, for the next delta query (tests of re-runs). */
  touch(collection: 'users' | 'servicePrincipals'): void {
    this.directoryVersion[collection] += 1;
  }

  private async body(request: IncomingMessage): Promise<JsonRecord> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) if (chunk instanceof Buffer) chunks.push(chunk);
    if (chunks.length === 0) return {};
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return isJsonRecord(value) ? value : {};
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.base);
    const method = request.method ?? 'GET';
    const now = Date.now();
    this.stats.requests += 1;
    this.counter += 1;
    const counter = this.counter;
    let routed: Routed | null = null;
    let status = 200;
    try {
      const body = method === 'POST' ? await this.body(request) : {};
      routed = this.route(method, url, body);
      this.checkPause(routed.budget, now);
      const key = method === 'POST' ? `${method} ${url.toString()} ${JSON.stringify(body)}` : `${method} ${url.toString()}`;
      const until = this.retryAfter.get(key);
      if (until !== undefined) {
        if (now < until) this.stats.earlyRetries += 1;
        this.retryAfter.delete(key);
      }
      this.current = key;
      this.checkToken(request.headers.authorization ?? '');
      if (this.options.denied?.has(routed.permission)) throw new HttpFailure(403, 'Authorization_RequestDenied', `Insufficient privileges (${routed.permission}).`);
      this.throttle(routed.budget, now);
      const fault = this.fault(routed.budget, now);
      if (fault === 'reset') {
        this.record(method, url, 0, routed.budget, now);
        request.socket.destroy();
        return;
      }
      const payload = JSON.stringify(await routed.handle());
      if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, this.options.fault?.delayMs ?? 1_000));
      if (fault === 'truncated') {
        this.record(method, url, 200, routed.budget, now);
        const cut = payload.slice(0, Math.floor(payload.length / 2));
        if (counter % 2 === 0) {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
          response.write(cut);
          response.socket?.destroy();
        } else {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(cut) });
          response.end(cut);
        }
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      response.end(payload);
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      status = error.status;
      const payload = JSON.stringify({ error: { code: error.code, message: error.message } });
      response.writeHead(error.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...error.headers });
      response.end(payload);
    }
    this.record(method, url, status, routed?.budget ?? 'graph-directory', now);
  }

  private record(method: string, url: URL, status: number, budget: FakeBudget, arrived: number): void {
    this.stats.byStatus.set(status, (this.stats.byStatus.get(status) ?? 0) + 1);
    this.log.push({ arrived, at: Date.now(), method, path: url.pathname, status, budget });
  }

  private checkPause(budget: FakeBudget, now: number): void {
    const pause = this.pauses.get(budget);
    if (pause && now < pause.until && now > pause.sentAt + (this.options.inFlightGraceMs ?? IN_FLIGHT_GRACE_MS)) this.stats.violations += 1;
  }

  private checkToken(header: string): void {
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!this.options.tokens.has(token)) {
      throw new HttpFailure(401, 'InvalidAuthenticationToken', 'Access token has expired or is not valid.', { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token is expired"' });
    }
  }

  private pause(budget: FakeBudget, now: number, seconds: number): Record<string, string> {
    this.pauses.set(budget, { until: now + seconds * 1000, sentAt: now });
    this.retryAfter.set(this.current, now + seconds * 1000);
    return { 'retry-after': String(Math.round(seconds * 1000) / 1000) };
  }

  private throttle(budget: FakeBudget, now: number): void {
    const limit = this.options.limits[budget];
    if (!limit) return;
    const sent = (this.windows.get(budget) ?? []).filter((at) => now - at < limit.perMs);
    if (sent.length >= limit.requests) {
      this.windows.set(budget, sent);
      this.stats.throttled += 1;
      const wait = ((sent[0] ?? now) + limit.perMs - now) / 1000;
      throw new HttpFailure(429, 'TooManyRequests', 'Too many requests.', this.pause(budget, now, Math.max(0.001, wait)));
    }
    sent.push(now);
    this.windows.set(budget, sent);
  }

  /** The injected fault for this request, if any; the ones answered with a status are thrown here. */
  private fault(budget: FakeBudget, now: number): 'reset' | 'slow' | 'truncated' | null {
    const plan = this.options.fault;
    if (!plan || this.counter % plan.every !== 0) return null;
    switch (plan.kind) {
      case 'throttle':
        this.stats.faults += 1;
        throw new HttpFailure(429, 'TooManyRequests', 'Throttled.', this.pause(budget, now, plan.retryAfterSeconds ?? 0.2));
      case 'throttle-no-retry-after':
        this.stats.faults += 1;
        throw new HttpFailure(429, 'TooManyRequests', 'Throttled.');
      case '503':
        this.stats.faults += 1;
        throw new HttpFailure(503, 'ServiceUnavailable', 'The service is unavailable.');
      case '504':
        this.stats.faults += 1;
        throw new HttpFailure(504, 'GatewayTimeout', 'The gateway timed out.');
      case 'token-expiry':
        this.stats.faults += 1;
        this.options.tokens.clear();
        this.options.onTokenExpired?.();
        throw new HttpFailure(401, 'InvalidAuthenticationToken', 'Access token has expired.', { 'www-authenticate': 'Bearer error="invalid_token"' });
      case 'reset':
      case 'slow':
      case 'truncated':
        this.stats.faults += 1;
        return plan.kind;
      case 'nextlink-loop':
        return null;
    }
  }

  private route(method: string, url: URL, body: JsonRecord): Routed {
    const path = url.pathname;
    const graph = /^\/graph\/(?<version>v1\.0|beta)\/(?<rest>.+)$/u.exec(path)?.groups;
    if (graph) return this.routeGraph(method, graph['rest'] ?? '', url, body);
    if (path.startsWith('/arm/')) return this.routeArm(method, path.slice('/arm/'.length), url, body);
    const workspace = /^\/loganalytics\/v1\/workspaces\/(?<id>[^/]+)\/query$/u.exec(path)?.groups?.['id'];
    if (workspace !== undefined && method === 'POST') {
      return { budget: 'log-analytics', permission: 'Log Analytics Reader', handle: () => this.kusto(this.options.logAnalytics?.(workspace, body) ?? null) };
    }
    if (path === '/adx/v1/rest/query' && method === 'POST') {
      return { budget: 'log-analytics', permission: 'Log Analytics Reader', handle: () => this.kusto(this.options.adx?.(body) ?? null) };
    }
    throw new HttpFailure(404, 'NotFound', `no route ${method} ${path}`);
  }

  private kusto(answer: KustoAnswer | null): unknown {
    if (answer === null) throw new HttpFailure(400, 'BadArgumentError', 'no hand-written answer for this query');
    if (answer.status !== 200) throw new HttpFailure(answer.status, 'QueryError', JSON.stringify(answer.body));
    return answer.body;
  }

  private routeGraph(method: string, rest: string, url: URL, body: JsonRecord): Routed {
    const tenant = this.options.tenant;
    const select = url.searchParams.get('$select');
    const directory = (permission: FakePermission, records: () => JsonRecord[]): Routed => ({
      budget: 'graph-directory',
      permission,
      handle: () => this.listing(url, records().map((record) => project(record, select)), this.options.directoryPageSize ?? 100),
    });
    if (method === 'POST' && rest === '$batch') return { budget: 'graph-directory', permission: 'Directory.Read.All', handle: () => this.batch(body) };
    if (method !== 'GET') throw new HttpFailure(405, 'MethodNotAllowed', `${method} ${rest}`);
    switch (rest) {
      case 'organization':
        return { budget: 'graph-directory', permission: 'Directory.Read.All', handle: () => ({ value: [{ id: tenant.tenantId, assignedPlans: tenant.premium ? [{ service: 'AADPremiumService', capabilityStatus: 'Enabled' }] : [] }] }) };
      case 'auditLogs/signIns':
        return { budget: 'graph-reports', permission: 'AuditLog.Read.All', handle: () => this.signIns(url) };
      case 'auditLogs/directoryAudits':
        return { budget: 'graph-reports', permission: 'AuditLog.Read.All', handle: () => this.directoryAudits(url) };
      case 'users/delta':
        return { budget: 'graph-directory', permission: 'Directory.Read.All', handle: () => this.delta(url, 'users', tenant.users) };
      case 'servicePrincipals/delta':
        return { budget: 'graph-directory', permission: 'Directory.Read.All', handle: () => this.delta(url, 'servicePrincipals', tenant.servicePrincipals) };
      case 'users': {
        const activity = (select ?? '').includes('signInActivity');
        const top = Number(url.searchParams.get('$top') ?? '100');
        if (activity && top > 500) throw new HttpFailure(400, 'Request_UnsupportedQuery', '$top must be at most 500 with signInActivity');
        // $expand=manager($select=id…): the manager as Graph returns it, an object with the properties asked for.
        const manager = /^manager(?:\((?<options>[^)]*)\))?$/u.exec(url.searchParams.get('$expand') ?? '');
        const managerSelect = manager ? (/\$select=(?<fields>[^;]+)/u.exec(manager.groups?.['options'] ?? '')?.groups?.['fields'] ?? null) : null;
        const withManager = (record: JsonRecord): JsonRecord => {
          const selected = project(record, select);
          if (manager) selected['manager'] = isJsonRecord(record['manager']) ? project(record['manager'], managerSelect) : null;
          return selected;
        };
        return { ...directory(activity ? 'AuditLog.Read.All' : 'Directory.Read.All', () => tenant.users), handle: () => this.listing(url, tenant.users.map(withManager), top) };
      }
      case 'applications': {
        const expand = url.searchParams.get('$expand');
        return directory('Directory.Read.All', () =>
          tenant.applications.map((app) => {
            const selected = project(app, select);
            if (expand === 'federatedIdentityCredentials') selected['federatedIdentityCredentials'] = app['federatedIdentityCredentials'] ?? [];
            return selected;
          }),
        );
      }
      case 'reports/authenticationMethods/userRegistrationDetails':
        return { budget: 'graph-reports', permission: 'AuditLog.Read.All', handle: () => this.listing(url, tenant.registrationDetails, this.options.directoryPageSize ?? 100) };
      case 'identity/conditionalAccess/policies':
        return { budget: 'graph-conditional-access', permission: 'Policy.Read.All', handle: () => this.listing(url, tenant.policies.map((record) => project(record, select)), 100) };
      case 'identity/conditionalAccess/namedLocations':
        return { budget: 'graph-conditional-access', permission: 'Policy.Read.All', handle: () => this.listing(url, tenant.namedLocations, 100) };
      case 'roleManagement/directory/roleAssignments':
        return directory('RoleManagement.Read.Directory', () => tenant.roleAssignments);
    }
    const owners = /^applications\/(?<id>[^/]+)\/owners$/u.exec(rest)?.groups?.['id'];
    if (owners !== undefined) return directory('Directory.Read.All', () => tenant.owners.get(owners) ?? []);
    const group = /^groups\/(?<id>[^/]+)\/transitiveMembers$/u.exec(rest)?.groups?.['id'];
    if (group !== undefined) return directory('Directory.Read.All', () => tenant.groupMembers.get(group) ?? []);
    throw new HttpFailure(404, 'Request_ResourceNotFound', `no Graph resource ${rest}`);
  }

  /** A page of `records` from the request's skip token, with the next link when more remain. */
  private listing(url: URL, records: readonly JsonRecord[], pageSize: number, extra: JsonRecord = {}): JsonRecord {
    const offset = numberOf(decodeToken(url.searchParams.get('$skiptoken'))['offset'], 0);
    const page = records.slice(offset, offset + pageSize);
    const result: JsonRecord = { '@odata.context': `${url.origin}${url.pathname}/$metadata`, value: page, ...extra };
    if (offset + pageSize < records.length) result['@odata.nextLink'] = this.withToken(url, '$skiptoken', { offset: offset + pageSize });
    return result;
  }

  private withToken(url: URL, name: string, token: JsonRecord): string {
    const next = new URL(url.toString());
    next.searchParams.delete('$skiptoken');
    next.searchParams.delete('$deltatoken');
    next.searchParams.set(name, encodeToken(token));
    return next.toString();
  }

  private delta(url: URL, collection: 'users' | 'servicePrincipals', records: readonly JsonRecord[]): JsonRecord {
    const select = url.searchParams.get('$select');
    const deltaToken = url.searchParams.get('$deltatoken');
    const version = this.directoryVersion[collection];
    if (deltaToken !== null) {
      const since = numberOf(decodeToken(deltaToken)['version'], -1);
      if (since < 0) throw new HttpFailure(400, 'SyncStateNotFound', 'The delta token is not valid.');
      // Changes since: the test's touch() marks the whole collection changed (every object sent again).
      const changed = since < version ? records : [];
      return { value: changed.map((record) => project(record, select)), '@odata.deltaLink': this.withToken(url, '$deltatoken', { version }) };
    }
    const page = this.listing(url, records.map((record) => project(record, select)), this.options.directoryPageSize ?? 100);
    if (!('@odata.nextLink' in page)) page['@odata.deltaLink'] = this.withToken(url, '$deltatoken', { version });
    return page;
  }

  private async signIns(url: URL): Promise<JsonRecord> {
    let filter;
    try {
      filter = parseFilter(url.searchParams.get('$filter') ?? '');
    } catch (error) {
      throw new HttpFailure(400, 'BadRequest', `Invalid filter clause: ${error instanceof Error ? error.message : String(error)}`);
    }
    const kinds = filter.any.get('signInEventTypes') ?? ['interactiveUser'];
    const kind = kinds[0];
    if (kinds.length !== 1 || (kind !== 'interactiveUser' && kind !== 'nonInteractiveUser' && kind !== 'servicePrincipal' && kind !== 'managedIdentity')) {
      throw new HttpFailure(400, 'BadRequest', 'one signInEventTypes value per request');
    }
    const { from, to } = timeRange(filter, 'createdDateTime');
    const top = Math.min(1000, this.options.signInPageSize ?? 1000, Number(url.searchParams.get('$top') ?? '1000'));
    const token = decodeToken(url.searchParams.get('$skiptoken'));
    const offset = numberOf(token['offset'], 0);
    const select = url.searchParams.get('$select');
    const source = this.options.tenant.signIns;
    const total = source.count(kind as SignInKind, from, to);
    const records: JsonRecord[] = [];
    for (let at = offset; at < offset + top; at += SIGN_IN_SLICE) {
      if (at > offset) await yieldToEventLoop();
      const slice = source.slice(kind as SignInKind, from, to, at, Math.min(SIGN_IN_SLICE, offset + top - at));
      for (const record of slice) records.push(project(record, select));
      if (slice.length < SIGN_IN_SLICE) break;
    }
    this.stats.signInsServed += records.length;
    const result: JsonRecord = { '@odata.context': `${url.origin}/graph/beta/$metadata#auditLogs/signIns`, value: records };
    if (offset + top < total) {
      const fault = this.options.fault;
      // The loop: the second page of the first walk sends back the link of the first.
      if (fault?.kind === 'nextlink-loop' && offset === top && !this.loopServed) {
        this.loopServed = true;
        const first = new URL(url.toString());
        first.searchParams.delete('$skiptoken');
        result['@odata.nextLink'] = this.withToken(first, '$skiptoken', { offset: top });
      } else {
        result['@odata.nextLink'] = this.withToken(url, '$skiptoken', { offset: offset + top });
      }
    }
    return result;
  }

  /** Audit events in the $filter's activityDateTime range, newest first, a page at a time. */
  private directoryAudits(url: URL): JsonRecord {
    let filter;
    try {
      filter = parseFilter(url.searchParams.get('$filter') ?? '');
    } catch (error) {
      throw new HttpFailure(400, 'BadRequest', `Invalid filter clause: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { from, to } = timeRange(filter, 'activityDateTime');
    const timeOf = (record: JsonRecord): number => Date.parse(typeof record['activityDateTime'] === 'string' ? record['activityDateTime'] : '');
    const records = this.options.tenant.directoryAudits
      .filter((record) => timeOf(record) >= from && timeOf(record) <= to)
      .sort((a, b) => timeOf(b) - timeOf(a));
    return this.listing(url, records, Math.min(this.options.directoryPageSize ?? 100, Number(url.searchParams.get('$top') ?? '1000')));
  }

  private async batch(body: JsonRecord): Promise<JsonRecord> {
    const requests = Array.isArray(body['requests']) ? body['requests'].filter(isJsonRecord) : [];
    if (requests.length > 20) throw new HttpFailure(400, 'BadRequest', 'at most 20 requests in a batch');
    const responses = await Promise.all(requests.map(async (sub) => {
      const id = typeof sub['id'] === 'string' ? sub['id'] : '';
      const relative = typeof sub['url'] === 'string' ? sub['url'] : '';
      try {
        const url = new URL(`${this.base}/graph/v1.0${relative.startsWith('/') ? relative : `/${relative}`}`);
        const routed = this.routeGraph('GET', url.pathname.replace(/^\/graph\/v1\.0\//u, ''), url, {});
        if (this.options.denied?.has(routed.permission)) throw new HttpFailure(403, 'Authorization_RequestDenied', 'Insufficient privileges.');
        return { id, status: 200, headers: { 'content-type': 'application/json' }, body: await routed.handle() };
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw error;
        return { id, status: error.status, headers: error.headers, body: { error: { code: error.code, message: error.message } } };
      }
    }));
    return { responses };
  }

  private routeArm(method: string, rest: string, url: URL, body: JsonRecord): Routed {
    const tenant = this.options.tenant;
    const arm = (handle: () => unknown): Routed => ({ budget: 'arm', permission: 'Reader', handle });
    if (rest === 'subscriptions' && method === 'GET') {
      return arm(() => ({ value: tenant.subscriptions.map((id) => ({ id: `/subscriptions/${id}`, subscriptionId: id, displayName: id, state: 'Enabled' })) }));
    }
    const activity = /^subscriptions\/(?<id>[^/]+)\/providers\/Microsoft\.Insights\/eventtypes\/management\/values$/u.exec(rest)?.groups?.['id'];
    if (activity !== undefined && method === 'GET') {
      return arm(() => {
        const { from, to } = timeRange(parseFilter(url.searchParams.get('$filter') ?? ''), 'eventTimestamp');
        const offset = numberOf(decodeToken(url.searchParams.get('$skiptoken'))['offset'], 0);
        const size = this.options.activityPageSize ?? 200;
        const total = tenant.activity.count(activity, from, to);
        const result: JsonRecord = { value: tenant.activity.slice(activity, from, to, offset, size) };
        if (offset + size < total) result['nextLink'] = this.withToken(url, '$skiptoken', { offset: offset + size });
        return result;
      });
    }
    if (rest === 'providers/Microsoft.ResourceGraph/resources' && method === 'POST') {
      return {
        budget: 'resource-graph',
        permission: 'Reader',
        handle: () => {
          const options = isJsonRecord(body['options']) ? body['options'] : {};
          const offset = numberOf(decodeToken(typeof options['$skipToken'] === 'string' ? options['$skipToken'] : null)['offset'], 0);
          const top = numberOf(options['$top'], 1000);
          const data = tenant.azureRoleAssignments.slice(offset, offset + top);
          const result: JsonRecord = { totalRecords: tenant.azureRoleAssignments.length, count: data.length, data };
          if (offset + top < tenant.azureRoleAssignments.length) result['$skipToken'] = encodeToken({ offset: offset + top });
          return result;
        },
      };
    }
    if (rest === 'providers/Microsoft.PortalServices/settings/default' && method === 'GET') {
      return arm(() => {
        if (tenant.portalSettings === null) throw new HttpFailure(404, 'NotFound', 'The setting is not set.');
        return tenant.portalSettings;
      });
    }
    const states = /^subscriptions\/(?<id>[^/]+)\/providers\/Microsoft\.PolicyInsights\/policyStates\/latest\/queryResults$/u.exec(rest)?.groups?.['id'];
    if (states !== undefined && method === 'POST') {
      return arm(() => {
        const wanted = parseFilter(url.searchParams.get('$filter') ?? '').comparisons.filter((comparison) => comparison.property === 'policyDefinitionName').map((comparison) => comparison.value);
        const all = (tenant.policyStates.get(states) ?? []).filter((state) => wanted.some((name) => String(state['policyDefinitionId'] ?? '').toLowerCase().endsWith(name)));
        return this.listing(url, all, 100);
      });
    }
    throw new HttpFailure(404, 'NotFound', `no ARM route ${method} ${rest}`);
  }
}
