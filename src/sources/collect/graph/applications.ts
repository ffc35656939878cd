import { sqlList } from '../../../store/sql-literal.js';
import { isRecord } from '../../import/framework/values.js';
import { GRAPH_NORMALISERS } from '../../import/graph-json/graph-json-format.js';
import { defaultScope } from '../auth/token-source.js';
import type { CollectContext } from '../collect-context.js';
import { walk } from '../walk.js';
import { batchGet } from './graph-batch.js';
import { APPLICATION_SELECT, GRAPH_HEADERS, OWNER_SELECT } from './graph-fields.js';
import { graphUrl } from './graph-url.js';
import { idsOf } from './stored-objects.js';

/**
 * App registrations with their federated identity credentials ($expand) and their owners (one $batch for twenty apps),
 * laid onto each application as Graph returns them with $expand=owners, then normalised as a file's applications are.
 * Read whole each run; apps gone from the tenant are dropped with their credentials.
 */
export async function collectApplications(context: CollectContext): Promise<void> {
  const endpoint = 'graph.applications';
  context.progress.plan(endpoint, 1);
  const outcome = await walk(context, {
    endpoint,
    scope: '',
    affects: 'directory',
    format: 'graph',
    mode: 'listing',
    request: {
      method: 'GET',
      url: graphUrl(context.urls.graph, 'v1.0', 'applications', { $select: APPLICATION_SELECT.join(','), $expand: 'federatedIdentityCredentials' }),
      headers: GRAPH_HEADERS,
      budget: context.budgets['graph-directory'],
      scope: defaultScope(context.urls.graph),
      what: 'graph applications',
      permission: 'Directory.Read.All',
      ...(context.signal ? { signal: context.signal } : {}),
    },
    replace: async (records, store) => {
      const ids = idsOf(records);
      if (ids.length === 0) return;
      await store.run(`DELETE FROM applications WHERE id IN (${sqlList(ids)})`);
      await store.run(`DELETE FROM credentials WHERE owner_id IN (${sqlList(ids)})`);
    },
    prepare: async (records) => {
      const ownersPath = (id: string): string => `/applications/${id}/owners?$select=${OWNER_SELECT.join(',')}`;
      const owners = await batchGet(context, { budget: 'graph-directory', permission: 'Directory.Read.All', what: 'graph application owners', paths: idsOf(records).map(ownersPath) });
      return records.map((record) => (isRecord(record) && typeof record['id'] === 'string' ? { ...record, owners: owners.get(ownersPath(record['id'].toLowerCase())) ?? [] } : record));
    },
    fill: async (records, batch) => {
      records.forEach((record, index) => {
        if (!isRecord(record) || typeof record['id'] !== 'string') {
          batch.quarantine(index + 1, 'not an application object', JSON.stringify(record), 'directory');
          return;
        }
        const raw = JSON.stringify(record);
        const normalised = GRAPH_NORMALISERS.application(record, raw);
        if (normalised.ok) batch.add(normalised.record);
        else batch.quarantine(index + 1, normalised.reason, raw, 'directory');
      });
    },
    sweep: async (store, batches) => {
      await store.run(`DELETE FROM applications WHERE batch_id IS NULL OR batch_id NOT IN ${batches}`);
      await store.run(`DELETE FROM credentials WHERE owner_kind = 'application' AND (batch_id IS NULL OR batch_id NOT IN ${batches})`);
    },
  });
  context.progress.scopeDone(endpoint, outcome);
}
