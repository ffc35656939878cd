import { basename } from 'node:path';
import { z } from 'zod';
import { OWNER_AUDIT_ACTIVITIES } from '../../catalog/audit-activities.js';
import type { OwnerEvidence } from '../../model/governance.js';
import { sqlList } from '../sql-literal.js';
import type { Store } from '../store.js';

const appOwnerRowSchema = z.object({ identity_id: z.string(), who: z.string(), name: z.string().nullable(), on: z.enum(['application', 'servicePrincipal', 'managedIdentity']), object_name: z.string().nullable() });
const managerRowSchema = z.object({ identity_id: z.string(), who: z.string(), name: z.string().nullable() });
const auditRowSchema = z.object({ identity_id: z.string(), who: z.string(), at: z.string(), activity: z.string() });
const codeRowSchema = z.object({ identity_id: z.string(), root: z.string(), file: z.string(), line: z.number().int(), pipeline: z.boolean() });
const ownerTenantRowSchema = z.object({ id: z.string(), app_owner_tenant_id: z.string() });

const PIPELINE_ECOSYSTEMS = new Set(['github-actions', 'azure-pipelines']);

function add(map: Map<string, OwnerEvidence[]>, id: string, evidence: OwnerEvidence): void {
  const list = map.get(id) ?? [];
  list.push(evidence);
  map.set(id, list);
}

/**
 * Every pointer to an owner the store holds, by identity: the people Graph lists as owners of its app registration or
 * service principal, its manager, who created it and who last set its password (audit log `initiatedBy`, people only,
 * never the account itself), and the code that signs in as it (repository, file, whether a pipeline).
 */
export async function loadOwnerEvidence(store: Store): Promise<Map<string, OwnerEvidence[]>> {
  const evidence = new Map<string, OwnerEvidence[]>();
  const appOwners = await store.all(
    `SELECT i.id AS identity_id, coalesce(o.owner_upn, o.owner_id) AS who, o.owner_display_name AS name, o.object_kind AS "on", coalesce(a.display_name, s.display_name) AS object_name
     FROM identities i
     JOIN directory_owners o ON o.object_id = i.id OR o.object_id IN (SELECT id FROM applications WHERE app_id = i.app_id)
     LEFT JOIN applications a ON a.id = o.object_id
     LEFT JOIN identities s ON s.id = o.object_id
     WHERE i.kind <> 'user' AND (o.owner_type = 'user' OR o.owner_upn IS NOT NULL)
     ORDER BY i.id, o.object_kind, who`,
  );
  for (const raw of appOwners) {
    const row = appOwnerRowSchema.parse(raw);
    add(evidence, row.identity_id, { source: 'app-owner', who: row.who, name: row.name, on: row.on, objectName: row.object_name });
  }
  const managers = await store.all(
    `SELECT i.id AS identity_id, coalesce(m.upn, i.manager_id) AS who, m.display_name AS name
     FROM identities i LEFT JOIN identities m ON m.id = i.manager_id WHERE i.manager_id IS NOT NULL ORDER BY i.id`,
  );
  for (const raw of managers) {
    const row = managerRowSchema.parse(raw);
    add(evidence, row.identity_id, { source: 'manager', who: row.who, name: row.name });
  }
  for (const means of ['created', 'password-set'] as const) {
    const names = OWNER_AUDIT_ACTIVITIES.filter((entry) => entry.means === means).map((entry) => entry.name);
    // The first creation, the last password set: who brought it into being, and who holds its secret now.
    const pick = means === 'created' ? 'arg_min' : 'arg_max';
    const rows = await store.all(
      `SELECT target AS identity_id, ${pick}(initiated_by_upn, time) AS who, strftime(${means === 'created' ? 'min' : 'max'}(time), '%Y-%m-%dT%H:%M:%SZ') AS at, ${pick}(activity, time) AS activity
       FROM (SELECT time, activity, initiated_by_upn, initiated_by_user_id, unnest(target_ids) AS target FROM audit_events
             WHERE activity IN (${sqlList(names)}) AND initiated_by_upn IS NOT NULL AND coalesce(result, 'success') = 'success')
       WHERE target IN (SELECT id FROM identities) AND coalesce(initiated_by_user_id, '') <> target
       GROUP BY target ORDER BY target`,
    );
    for (const raw of rows) {
      const row = auditRowSchema.parse(raw);
      add(evidence, row.identity_id, { source: means === 'created' ? 'created-by' : 'password-set-by', who: row.who, at: row.at, activity: row.activity });
    }
  }
  const code = await store.all(
    // A file is a pipeline when a pipeline detector found anything in it: a script step's `az login` carries the shell's
    // ecosystem, but the file it sits in is still the pipeline.
    `WITH placed AS (
       SELECT *, bool_or(ecosystem IN (${sqlList([...PIPELINE_ECOSYSTEMS])})) OVER (PARTITION BY root, file) AS pipeline FROM scan_findings)
     SELECT DISTINCT i.id AS identity_id, f.root, f.file, f.line, f.pipeline
     FROM placed f JOIN identities i
       ON (f.identity_kind = 'upn' AND lower(i.upn) = lower(f.identity_value)) OR (f.identity_kind = 'client-id' AND lower(i.app_id) = lower(f.identity_value))
     ORDER BY i.id, f.root, f.file, f.line`,
  );
  for (const raw of code) {
    const row = codeRowSchema.parse(raw);
    add(evidence, row.identity_id, { source: 'code', repository: basename(row.root), file: row.file, line: row.line, pipeline: row.pipeline });
  }
  return evidence;
}

/** Service principals of apps another organisation publishes (Microsoft's first-party apps among them): owned there. */
export async function loadForeignApps(store: Store, tenantId: string | null): Promise<Set<string>> {
  if (tenantId === null) return new Set();
  const rows = await store.all("SELECT id, app_owner_tenant_id FROM identities WHERE kind = 'servicePrincipal' AND app_owner_tenant_id IS NOT NULL");
  return new Set(rows.map((raw) => ownerTenantRowSchema.parse(raw)).filter((row) => row.app_owner_tenant_id.toLowerCase() !== tenantId.toLowerCase()).map((row) => row.id));
}
