import { COLLECTION_FACTS } from '../../../catalog/api-limits.js';
import type { SignInKind } from '../../../model/sign-in.js';
import { defaultScope } from '../auth/token-source.js';
import type { CollectContext } from '../collect-context.js';
import { filterInstant, timeWindows, windowScope, type TimeWindow } from '../time-windows.js';
import { walk, type WalkSpec } from '../walk.js';
import { runPool } from '../run-pool.js';
import { GRAPH_HEADERS, SIGN_IN_SELECT } from './graph-fields.js';
import { graphUrl } from './graph-url.js';

/**
 * Sign-ins of all four kinds through Graph beta (v1.0 lacks most fields that matter, and returns interactive sign-ins
 * only): one walk per kind and window, filtered by `signInEventTypes` and `createdDateTime`, with $select, 1,000 per page.
 * Windows go oldest first, as many at once as the reports budget lets in flight; the newest, still filling, last.
 * Each record is handed, as Graph sent it, to the importers' SQL normaliser.
 */
export const SIGN_IN_KINDS: readonly SignInKind[] = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'];

export function signInEndpoint(kind: SignInKind): string {
  return `graph.signIns.${kind}`;
}

/** createdDateTime supports ge and le (not lt): a sign-in exactly on a boundary is read twice and stored once. */
export function signInFilter(kind: SignInKind, window: TimeWindow): string {
  return `signInEventTypes/any(t: t eq '${kind}') and createdDateTime ge ${filterInstant(window.start)} and createdDateTime le ${filterInstant(window.end)}`;
}

export function signInWalk(context: CollectContext, kind: SignInKind, window: TimeWindow): WalkSpec {
  return {
    endpoint: signInEndpoint(kind),
    scope: windowScope(window),
    affects: 'sign-ins',
    format: 'graph',
    mode: 'window',
    provisional: window.provisional,
    request: {
      method: 'GET',
      url: graphUrl(context.urls.graph, 'beta', 'auditLogs/signIns', { $filter: signInFilter(kind, window), $select: SIGN_IN_SELECT.join(','), $top: COLLECTION_FACTS.signInPageSize.value }),
      headers: GRAPH_HEADERS,
      budget: context.budgets['graph-reports'],
      scope: defaultScope(context.urls.graph),
      what: `graph sign-ins ${kind} ${windowScope(window)}`,
      permission: 'AuditLog.Read.All',
      ...(context.signal ? { signal: context.signal } : {}),
    },
    keep: (record) => JSON.stringify(record),
    fill: async (records, batch) => {
      let line = 0;
      for (const record of records) {
        line += 1;
        // The kind is left to the normaliser (signInEventTypes), as for a Graph file: one mapping.
        await batch.signIns.add(line, null, typeof record === 'string' ? record : JSON.stringify(record), null, false);
      }
    },
  };
}

export interface SignInWalk {
  kind: SignInKind;
  window: TimeWindow;
}

/** Every kind × window, in the order they are read. */
export function signInWalks(context: CollectContext): SignInWalk[] {
  const windows = timeWindows(context.window, context.settings);
  const walks: SignInWalk[] = [];
  for (const window of windows) for (const kind of SIGN_IN_KINDS) walks.push({ kind, window });
  return walks;
}

/**
 * Read every window. A window that fails is left partial (resumable) and reported through `failed`; the others go on.
 * A missing permission stops all of them at once: the answer would be the same for each.
 */
export async function collectSignIns(context: CollectContext, failed: (walk: SignInWalk, error: unknown) => Promise<'continue' | 'stop'>): Promise<void> {
  const walks = signInWalks(context);
  for (const kind of SIGN_IN_KINDS) context.progress.plan(signInEndpoint(kind), walks.filter((entry) => entry.kind === kind).length);
  // One walk more than the budget lets in flight: while a walk parses or stores its page, another waits at the budget, so
  // a slot the throttle frees is taken at once rather than when that walk is ready (a slot taken late stays late).
  await runPool(walks, context.budgets['graph-reports'].limits.concurrent + 1, async (entry) => {
    try {
      const outcome = await walk(context, signInWalk(context, entry.kind, entry.window));
      context.progress.scopeDone(signInEndpoint(entry.kind), outcome);
      return 'continue';
    } catch (error) {
      context.progress.scopeDone(signInEndpoint(entry.kind), 'partial');
      return failed(entry, error);
    }
  });
}
