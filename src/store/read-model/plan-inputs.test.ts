import { describe, expect, it } from 'vitest';
import { IDENTITIES, OPERATIONS } from '../columns.js';
import { openStore } from '../store.js';
import { insertRows, type CellValue } from '../write-rows.js';
import { loadObservedActions, loadPlanInputs } from './plan-inputs.js';

/** The importers store resource IDs in lower case (normalise-operation.ts). */
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';

function operation(id: string, fields: Record<string, CellValue>): Record<string, CellValue> {
  return { id, time: '2026-11-10T10:00:00Z', kind: 'create', status: 'succeeded', operation_name: 'microsoft.web/sites/write', raw: '{}', ...fields };
}

describe('loadPlanInputs', () => {
  it("gives each user's observed actions by object ID, else by UPN, each operation to one user only", async () => {
    const store = await openStore(':memory:');
    try {
      await insertRows(store, IDENTITIES, [
        { id: 'aaaa1111-0000-0000-0000-000000000001', kind: 'user', upn: 'svc-a@contoso.example', raw: '{}' },
        { id: 'bbbb2222-0000-0000-0000-000000000002', kind: 'user', upn: 'svc-b@contoso.example', raw: '{}' },
      ]);
      await insertRows(store, OPERATIONS, [
        // By object ID, in another case.
        operation('o1', { caller_object_id: 'AAAA1111-0000-0000-0000-000000000001', resource_id: `${SUB}/resourcegroups/rg1/providers/microsoft.web/sites/app1` }),
        // By UPN only, in another case.
        operation('o2', { caller_upn: 'SVC-B@contoso.example', resource_id: `${SUB}/resourcegroups/rg2/providers/microsoft.web/sites/app2` }),
        // Object ID of one user, UPN of the other: the object ID decides, and it counts once.
        operation('o3', { caller_object_id: 'aaaa1111-0000-0000-0000-000000000001', caller_upn: 'svc-b@contoso.example', resource_id: `${SUB}/resourcegroups/rg1/providers/microsoft.web/sites/app3` }),
        // An application's call, a failure without a policy, after the cut-off, nobody's: not observed.
        operation('o4', { caller_object_id: 'aaaa1111-0000-0000-0000-000000000001', idtyp: 'app' }),
        operation('o5', { caller_upn: 'svc-b@contoso.example', status: 'failed' }),
        operation('o6', { caller_upn: 'svc-b@contoso.example', time: '2026-11-30T00:00:00Z' }),
        operation('o7', { caller_upn: 'someone-else@contoso.example' }),
      ]);
      const inputs = await loadPlanInputs(store, '2026-11-20T23:59:59Z');
      // Read for some identities only (analyze: those whose plans migrate them), each gets what the whole read gives it:
      // svc-b's own operation named by UPN alone, and not o3, which names svc-b's UPN but svc-a's object ID.
      const [a, b] = inputs.observed;
      expect(await loadObservedActions(store, '2026-11-20T23:59:59Z', { ids: ['bbbb2222-0000-0000-0000-000000000002'], upns: ['svc-b@contoso.example'] })).toEqual([b]);
      expect(await loadObservedActions(store, '2026-11-20T23:59:59Z', { ids: ['aaaa1111-0000-0000-0000-000000000001'], upns: ['SVC-A@contoso.example'] })).toEqual([a]);
      expect(await loadObservedActions(store, '2026-11-20T23:59:59Z', { ids: ['aaaa1111-0000-0000-0000-000000000001', 'bbbb2222-0000-0000-0000-000000000002'], upns: ['svc-a@contoso.example', 'svc-b@contoso.example'] })).toEqual(inputs.observed);
      // Without its UPN, svc-b's operation that names only the UPN is not found: callers pass both names.
      expect(await loadObservedActions(store, '2026-11-20T23:59:59Z', { ids: ['bbbb2222-0000-0000-0000-000000000002'], upns: [] })).toEqual([]);
      expect(await loadObservedActions(store, '2026-11-20T23:59:59Z', { ids: [], upns: [] })).toEqual([]);
      expect(inputs.observed).toEqual([
        {
          identityId: 'aaaa1111-0000-0000-0000-000000000001', action: 'microsoft.web/sites/write', count: 2, resources: 2,
          resourceIds: [`${SUB}/resourcegroups/rg1/providers/microsoft.web/sites/app1`, `${SUB}/resourcegroups/rg1/providers/microsoft.web/sites/app3`],
          groupScopes: [`${SUB}/resourcegroups/rg1`],
        },
        {
          identityId: 'bbbb2222-0000-0000-0000-000000000002', action: 'microsoft.web/sites/write', count: 1, resources: 1,
          resourceIds: [`${SUB}/resourcegroups/rg2/providers/microsoft.web/sites/app2`], groupScopes: [`${SUB}/resourcegroups/rg2`],
        },
      ]);
    } finally {
      store.close();
    }
  });
});
