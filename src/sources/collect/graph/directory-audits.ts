import { sqlList } from '../../../store/sql-literal.js';
import type { Store } from '../../../store/store.js';
import { isRecord } from '../../import/framework/values.js';
import { GRAPH_NORMALISERS } from '../../import/graph-json/graph-json-format.js';
import { defaultScope } from '../auth/token-source.js';
import type { CollectContext } from '../collect-context.js';
import { filterInstant, timeWindows, windowScope } from '../time-windows.js';
import { walk } from '../walk.js';
import { GRAPH_HEADERS } from './graph-fields.js';
import { graphUrl } from './graph-url.js';

/**
 * Entra audit events (/auditLogs/directoryAudits), window by window like the sign-ins: what says an account was
 * disabled, so an account that cannot sign in is not judged on the sign-ins it made before. Each record goes to the
 * importers' audit normaliser, as a Graph page of them does. A window read again (provisional, or resumed) replaces the
 * events it brings again: they are keyed by id.
 */
export const DIRECTORY_AUDITS_ENDPOINT = 'graph.directoryAudits';

/** The ids the normaliser keys them by: audit ids are opaque, kept as they are (trimmed). */
function idsOf(records: readonly unknown[]): string[] {
  return records.flatMap((record) => (isRecord(record) && typeof record['id'] === 'string' ? [record['id'].trim()] : []));
}

export async function collectDirectoryAudits(context: CollectContext): Promise<void> {
  const windows = timeWindows(context.window, context.settings);
  context.progress.plan(DIRECTORY_AUDITS_ENDPOINT, windows.length);
  const normalise = GRAPH_NORMALISERS.directoryAudit;
  for (const window of windows) {
    const filter = `activityDateTime ge ${filterInstant(window.start)} and activityDateTime le ${filterInstant(window.end)}`;
    const outcome = await walk(context, {
      endpoint: DIRECTORY_AUDITS_ENDPOINT,
      scope: windowScope(window),
      affects: 'directory',
      format: 'graph',
      mode: 'window',
      provisional: window.provisional,
      request: {
        method: 'GET',
        url: graphUrl(context.urls.graph, 'v1.0', 'auditLogs/directoryAudits', { $filter: filter }),
        headers: GRAPH_HEADERS,
        budget: context.budgets['graph-reports'],
        scope: defaultScope(context.urls.graph),
        what: `graph directory audits ${windowScope(window)}`,
        permission: 'AuditLog.Read.All',
        ...(context.signal ? { signal: context.signal } : {}),
      },
      replace: async (records: readonly unknown[], store: Store) => {
        const ids = idsOf(records);
        if (ids.length > 0) await store.run(`DELETE FROM audit_events WHERE id IN (${sqlList(ids)})`);
      },
      fill: async (records, batch) => {
        records.forEach((record, index) => {
          const raw = JSON.stringify(record);
          const normalised = normalise(record, raw);
          if (normalised.ok) batch.add(normalised.record);
          else batch.quarantine(index + 1, normalised.reason, raw, 'audit');
        });
      },
    });
    context.progress.scopeDone(DIRECTORY_AUDITS_ENDPOINT, outcome);
  }
}
