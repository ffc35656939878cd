import type { LogsQueryClientOptions } from '@azure/monitor-query-logs';
import { ApiError } from '../../../errors.js';
import { defaultScope } from '../auth/token-source.js';
import type { ApiClient } from '../http/api-client.js';
import type { RateBudget } from '../http/rate-budget.js';

/**
 * Where a KQL query runs: a Log Analytics workspace through @azure/monitor-query-logs, or an Azure Data Explorer
 * database through its REST API. Both send their requests through collect's one HTTP client (budget, retries, token
 * renewal), and both answer with the answer's JSON, which feature-answer.ts reads whatever its shape.
 */
export interface KustoRunner {
  /** What it runs against, for messages: "Log Analytics workspace …", "ADX cluster/database". */
  readonly describe: string;
  run(query: string, since: Date, until: Date, what: string): Promise<unknown>;
}

type HttpClient = NonNullable<LogsQueryClientOptions['httpClient']>;
type PipelineRequest = Parameters<HttpClient['sendRequest']>[0];
type PipelineResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HttpHeaders = PipelineResponse['headers'];

/** The few response headers the SDK reads, as its HttpHeaders. */
class ResponseHeaders implements HttpHeaders {
  private readonly values = new Map<string, string>();
  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }
  set(name: string, value: string | number | boolean): void {
    this.values.set(name.toLowerCase(), String(value));
  }
  delete(name: string): void {
    this.values.delete(name.toLowerCase());
  }
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return this.values.entries();
  }
}

/**
 * The SDK's transport, through collect's client: the SDK builds the request (URL, body, Prefer header) and decodes the
 * answer; collect's client sends it. The SDK's own token and retry policies are removed from its pipeline, so there is
 * one of each, and a token goes over plain http only to this machine (tests).
 */
function transport(client: ApiClient, budget: RateBudget, scope: string, what: () => string): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const body: unknown = typeof request.body === 'string' ? JSON.parse(request.body) : undefined;
      const prefer = request.headers.get('prefer');
      const response = await client.request({
        method: request.method === 'POST' ? 'POST' : 'GET',
        url: request.url,
        ...(body === undefined ? {} : { body }),
        ...(prefer === undefined ? {} : { headers: { prefer } }),
        budget,
        scope,
        what: what(),
        permission: 'Log Analytics Reader',
        passStatuses: [400],
      });
      const headers = new ResponseHeaders();
      headers.set('content-type', 'application/json');
      return { request, status: response.status, headers, bodyAsText: JSON.stringify(response.json) };
    },
  };
}

export async function logAnalyticsRunner(workspace: string, endpoint: string, client: ApiClient, budget: RateBudget): Promise<KustoRunner> {
  const { LogsQueryClient } = await import('@azure/monitor-query-logs');
  let current = 'log analytics query';
  const scope = defaultScope(endpoint);
  // The credential is never asked: collect's client attaches the token (the SDK's policy that would is removed).
  const logs = new LogsQueryClient({ getToken: () => Promise.resolve(null) }, { endpoint: `${endpoint.replace(/\/+$/u, '')}/v1`, httpClient: transport(client, budget, scope, () => current) });
  logs.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  logs.pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  return {
    describe: `Log Analytics workspace ${workspace}`,
    async run(query, since, until, what) {
      current = what;
      let result;
      try {
        result = await logs.queryWorkspace(workspace, query, { startTime: since, endTime: until }, { serverTimeoutInSeconds: 600 });
      } catch (error) {
        if (error instanceof ApiError || !(error instanceof Error)) throw error;
        // The SDK's own error for a refused query (400): its code and first line.
        throw new ApiError('BadRequest', `${what}: the workspace refused the query: ${error.message.split('\n')[0] ?? ''}`);
      }
      if (result.status === 'PartialFailure') {
        throw new ApiError('TruncatedResponse', `${what}: the workspace answered in part (${result.partialError.code}: ${result.partialError.message.split('\n')[0] ?? ''})`);
      }
      return { tables: result.tables };
    },
  };
}

export function adxRunner(clusterUrl: string, database: string, client: ApiClient, budget: RateBudget): KustoRunner {
  const url = `${clusterUrl.replace(/\/+$/u, '')}/v1/rest/query`;
  return {
    describe: `Azure Data Explorer ${clusterUrl} database ${database}`,
    async run(query, _since, _until, what) {
      // The window is in the query itself (window_start, window_end); ADX takes no timespan beside it.
      const response = await client.request({
        method: 'POST',
        url,
        body: { db: database, csl: query, properties: { Options: { servertimeout: '00:10:00' } } },
        budget,
        scope: defaultScope(clusterUrl),
        what,
        permission: 'Log Analytics Reader',
      });
      return response.json;
    },
  };
}
