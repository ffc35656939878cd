import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Store } from '../store.js';

/**
 * What the planner reads besides the feature rows, aggregated in DuckDB so that memory follows the number of
 * identities and distinct actions, not of operations: each user's Activity-log actions (at most RESOURCES_KEPT
 * resource IDs each, with the resource groups of all), Azure role assignments, the scan findings with the text of
 * the files they are in (and each scanned root's git remotes), and the federated credentials of workload identities
 * with their sign-ins, to follow a migration.
 */
export const RESOURCES_KEPT = 50;
/** Files larger than this are not read again for a plan (the scanner skips them too). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ObservedActionRow {
  identityId: string;
  action: string;
  count: number;
  resources: number;
  resourceIds: string[];
  groupScopes: string[];
}

export interface AssignmentRow {
  principalId: string;
  roleDefinitionId: string;
  roleName: string | null;
  scope: string;
}

export interface FindingRow {
  root: string;
  file: string;
  line: number;
  ecosystem: string;
  authMethod: string;
  rule: string;
  identityKind: string | null;
  identityValue: string | null;
}

export interface FederatedCredentialRow {
  principalId: string;
  name: string | null;
  issuer: string;
  subject: string;
  firstSignIn: string | null;
  lastSignIn: string | null;
}

export interface PlanStoreInputs {
  observed: ObservedActionRow[];
  assignments: AssignmentRow[];
  findings: FindingRow[];
  /** `root\u0000file` → text, for the files findings are in (null when it can no longer be read). */
  files: Map<string, string | null>;
  /** root → its `.git/config` and `.git/HEAD` text. */
  git: Map<string, { config: string; head: string | null }>;
  federated: FederatedCredentialRow[];
}

type ObservedTuple = [identityId: string, action: string, count: number, resources: number, resourceIds: string[], groups: string[]];

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * An observed action as the query writes it: a JSON array per row (see observedActionsSql). Checked by hand: a
 * schema walking 50 resource IDs of each of thousands of rows cost more than the query.
 */
function observedTuple(value: unknown): ObservedTuple {
  if (Array.isArray(value) && value.length === 6) {
    const [identityId, action, count, resources, resourceIds, groups]: unknown[] = value;
    if (typeof identityId === 'string' && typeof action === 'string' && typeof count === 'number' && typeof resources === 'number' && isStringList(resourceIds) && isStringList(groups)) {
      return [identityId, action, count, resources, resourceIds, groups];
    }
  }
  throw new Error(`observed action row is not [id, action, count, resources, ids, groups]: ${JSON.stringify(value)?.slice(0, 200) ?? String(value)}`);
}

function observedRow(value: unknown): ObservedActionRow {
  const [identityId, action, count, resources, resourceIds, groups] = observedTuple(value);
  return { identityId, action, count, resources, resourceIds, groupScopes: groups.filter((group) => group.length > 0) };
}

const assignmentSchema = z.object({ principal_id: z.string(), role_definition_id: z.string(), role_name: z.string().nullable(), scope: z.string() });
const findingSchema = z.object({ root: z.string(), file: z.string(), line: z.coerce.number(), ecosystem: z.string(), auth_method: z.string(), rule: z.string(), identity_kind: z.string().nullable(), identity_value: z.string().nullable() });
const federatedSchema = z.object({ principal_id: z.string(), name: z.string().nullable(), issuer: z.string(), subject: z.string(), first_sign_in: z.string().nullable(), last_sign_in: z.string().nullable() });

function readText(path: string): string | null {
  try {
    if (!existsSync(path) || statSync(path).size > MAX_FILE_BYTES) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function fileKey(root: string, file: string): string {
  return `${root}\u0000${file}`;
}

/** Identities to read the observed actions of: their object IDs, and their UPNs (an operation may name only that). */
export interface ObservedActionsOf {
  ids: readonly string[];
  upns: readonly string[];
}

/**
 * Each user's Activity-log actions up to `asOf` (at most RESOURCES_KEPT resource IDs each, with the resource groups
 * of all), ordered by identity and action: one JSON array per row (`row`). With `of`, only those identities': the
 * operations are narrowed to the ones that name them before anything is joined or aggregated (the caller resolves to
 * the same identity as without it, since that is one of the two names it carries).
 * The caller is the user its object ID names, else the one its UPN names: two equi-joins (hash joins), where one join
 * on "id OR upn" compared every operation with every user (5 s for a million-sign-in tenant's log). Narrowed, the
 * UPNs looked up are only the identities' own: a caller resolved through another UPN is another identity, and grouping
 * every user by UPN was the read's largest cost (67 of 147 ms for 1,000 of 50,000 users).
 */
function observedActionsSql(of: boolean): string {
  const list = (at: number): string => `(SELECT unnest(from_json($${at}::VARCHAR, '["VARCHAR"]')))`;
  return `WITH by_id AS (SELECT id, lower(id) AS k FROM identities WHERE kind = 'user'),
     by_upn AS (SELECT min(id) AS id, lower(upn) AS k FROM identities WHERE kind = 'user' AND upn IS NOT NULL ${of ? `AND lower(upn) IN ${list(3)} ` : ''}GROUP BY 2),
     named AS (SELECT * FROM operations o ${of ? `WHERE lower(o.caller_object_id) IN ${list(2)} OR lower(o.caller_upn) IN ${list(3)}` : ''}),
     ops AS (
       SELECT coalesce(a.id, b.id) AS identity_id, o.operation_name AS action, o.resource_id
       FROM named o LEFT JOIN by_id a ON a.k = lower(o.caller_object_id) LEFT JOIN by_upn b ON b.k = lower(o.caller_upn)
       WHERE coalesce(a.id, b.id) IS NOT NULL ${of ? `AND coalesce(a.id, b.id) IN ${list(4)}` : ''}
         AND o.time <= $1::TIMESTAMP AND coalesce(o.idtyp, 'user') <> 'app'
         AND o.operation_name NOT LIKE 'microsoft.authorization/policies/%'
         AND (o.status = 'succeeded' OR (o.status = 'failed' AND o.policy_definition_ids IS NOT NULL)))
     -- An aggregate over no resource id is NULL, not an empty list: operations logged without one still count.
     SELECT json_array(identity_id, action, n, resources, ids, groups)::VARCHAR AS row FROM (
       SELECT identity_id, action, count(*) AS n, count(DISTINCT resource_id) AS resources,
         coalesce(list_sort(list(DISTINCT resource_id) FILTER (WHERE resource_id IS NOT NULL))[1:${RESOURCES_KEPT}], []) AS ids,
         coalesce(list_sort(list(DISTINCT coalesce(regexp_extract(resource_id, '^(/subscriptions/[^/]+/resourcegroups/[^/]+)', 1), regexp_extract(resource_id, '^(/subscriptions/[^/]+)', 1))) FILTER (WHERE resource_id IS NOT NULL)), []) AS groups
       FROM ops GROUP BY ALL)
     ORDER BY identity_id, action`;
}

/**
 * Each user's Activity-log actions up to `asOf`, ordered by identity and action; with `of`, only those identities'.
 * Only a plan that migrates an identity reads them.
 */
export async function loadObservedActions(store: Store, asOf: string, of?: ObservedActionsOf): Promise<ObservedActionRow[]> {
  const lower = (values: readonly string[]): string => JSON.stringify([...new Set(values.map((value) => value.toLowerCase()))]);
  const rows = of
    ? await store.all(observedActionsSql(true), [asOf, lower(of.ids), lower(of.upns), JSON.stringify([...new Set(of.ids)])])
    : await store.all(observedActionsSql(false), [asOf]);
  // One JSON text per row, parsed here: the driver turns each string of a list into a JavaScript string one copy at a
  // time, which for 50 resource IDs per action cost more than the query (0.3 s at 5,000 actions).
  return rows.map((row) => observedRow(JSON.parse(String(row['row']))));
}

/**
 * Everything the planner reads from the store. `observed: false` leaves the observed actions out, for a caller that
 * reads them later itself (loadObservedActions; analyze reads them last, for the identities its plans migrate).
 */
export async function loadPlanInputs(store: Store, asOf: string, read: { observed: boolean } = { observed: true }): Promise<PlanStoreInputs> {
  const observed = read.observed ? await loadObservedActions(store, asOf) : [];
  const assignments = (await store.all(`SELECT principal_id, role_definition_id, role_name, scope FROM role_assignments WHERE source = 'azure' ORDER BY principal_id, scope, role_definition_id`))
    .map((row) => assignmentSchema.parse(row))
    .map((row) => ({ principalId: row.principal_id.toLowerCase(), roleDefinitionId: row.role_definition_id, roleName: row.role_name, scope: row.scope }));
  const findings = (await store.all(`SELECT root, file, line, ecosystem, auth_method, rule, identity_kind, identity_value FROM scan_findings ORDER BY root, file, line, col`))
    .map((row) => findingSchema.parse(row))
    .map((row) => ({ root: row.root, file: row.file, line: row.line, ecosystem: row.ecosystem, authMethod: row.auth_method, rule: row.rule, identityKind: row.identity_kind, identityValue: row.identity_value }));
  const files = new Map<string, string | null>();
  const git = new Map<string, { config: string; head: string | null }>();
  for (const finding of findings) {
    const key = fileKey(finding.root, finding.file);
    if (!files.has(key)) files.set(key, readText(join(finding.root, finding.file)));
    if (!git.has(finding.root)) {
      const config = readText(join(finding.root, '.git', 'config'));
      if (config !== null) git.set(finding.root, { config, head: readText(join(finding.root, '.git', 'HEAD')) });
    }
  }
  const federated = (await store.all(
    `WITH fic AS (
       SELECT sp.id AS principal_id, coalesce(c.display_name, sp.display_name) AS name, c.issuer, c.subject, sp.app_id
       FROM credentials c JOIN identities sp ON sp.kind = 'servicePrincipal' AND lower(sp.app_id) = lower(c.app_id)
       WHERE c.type = 'federated' AND c.issuer IS NOT NULL AND c.subject IS NOT NULL)
     SELECT f.principal_id, f.name, f.issuer, f.subject,
       strftime(min(s.created_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS first_sign_in, strftime(max(s.created_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS last_sign_in
     FROM fic f LEFT JOIN sign_ins s ON s.kind = 'servicePrincipal' AND lower(s.app_id) = lower(f.app_id) AND s.error_code = 0 AND s.created_at <= ?::TIMESTAMP
     GROUP BY ALL ORDER BY 1, 4`,
    [asOf],
  )).map((row) => federatedSchema.parse(row)).map((row) => ({ principalId: row.principal_id, name: row.name, issuer: row.issuer, subject: row.subject, firstSignIn: row.first_sign_in, lastSignIn: row.last_sign_in }));
  return { observed, assignments, findings, files, git, federated };
}
