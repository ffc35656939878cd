import type { DuckDBDataChunk } from '@duckdb/node-api';
import { z } from 'zod';
import type { AccessFacts, MfaBasis, Subject } from '../model/access-facts.js';
import type { Store } from '../store/store.js';
import { signInRollupState } from '../store/rollups/sign-in-rollups.js';
import { ACCESS_COLUMNS, signInCombinationsSql, writeCombinationsSql, type AccessNeeds } from './access-combinations-sql.js';

/** One combination of access facts with the records that had it: how many, when, and the earliest one's id. */
export interface AccessCombination {
  facts: AccessFacts;
  /** Already refused: a failed sign-in, or a write an MFA policy definition denied. */
  refused: boolean;
  count: number;
  first: string;
  last: string;
  exampleId: string;
  clientName: string | null;
  /** The resource's name for a sign-in; the operation's name for a write. */
  resourceName: string | null;
  /** appliedConditionalAccessPolicies as stored (JSON text), when asked for. */
  applied: string | null;
  /** For a write: 'write', 'audit' (an MFA Azure Policy audit event) or 'denied:<definition ids>'. */
  detail: string | null;
}

const text = z.string().nullable();
const MFA_BASES = ['own-mfa', 'session-mfa', 'own-single', 'session-single', 'untraced'] as const satisfies readonly MfaBasis[];
const SUBJECTS = ['user-sign-in', 'workload-sign-in', 'arm-write'] as const satisfies readonly Subject[];

/** A row as the query writes it: the values of ACCESS_COLUMNS in order (json_array). */
const rowSchema = z.tuple([
  z.string(), z.enum(SUBJECTS), z.boolean(), text, text, text, text, text, z.boolean().nullable(), text,
  z.array(z.string()).nullable(), text, text, text, text, text, text, z.number().int(), z.enum(MFA_BASES).nullable(), text,
  text, z.number().int().positive(), z.string(), z.string(), z.string(), text, text, text,
]);

function combinationOf(values: z.infer<typeof rowSchema>): AccessCombination {
  const [pid, subject, interactive, protocol, clientAppId, resourceId, clientAppUsed, deviceOs, deviceCompliant, deviceTrustType, ipLocations, country, signInRisk, userType,
    crossTenantAccessType, homeTenantId, resourceTenantId, errorCode, mfa, mfaMethod, applied, count, first, last, exampleId, clientName, resourceName, detail] = values;
  return {
    facts: {
      subject, principalId: pid, interactive, protocol, clientAppId, resourceId, clientAppUsed, deviceOs, deviceCompliant, deviceTrustType, ipLocations,
      country: country === '' ? null : country, signInRisk, userType, crossTenantAccessType, homeTenantId, resourceTenantId, errorCode, mfa, mfaMethod,
    },
    refused: errorCode !== 0 || (detail?.startsWith('denied') ?? false),
    count, first, last, exampleId, clientName, resourceName, applied, detail,
  };
}

function parseRow(textRow: string, where: string): AccessCombination {
  const parsed = rowSchema.safeParse(JSON.parse(textRow));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(`${where} row does not match its columns: ${issue ? `${ACCESS_COLUMNS[Number(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return combinationOf(parsed.data);
}

async function* streamRows(store: Store, sql: string, where: string): AsyncGenerator<AccessCombination[]> {
  const row = `json_array(${ACCESS_COLUMNS.map((column) => `c.${column}`).join(', ')})::VARCHAR`;
  const result = await store.connection.stream(`SELECT ${row} AS row FROM (${sql}) c`);
  for (let chunk: DuckDBDataChunk | null = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    yield chunk.getColumnValues(0).map((value) => parseRow(typeof value === 'string' ? value : '[]', where));
  }
}

/**
 * The access combinations up to `until`: sign-ins aggregated on what `needs` says the policies read, then (when
 * `writes`) the Activity-log writes. A chunk (up to 2,048 combinations) at a time: memory is bounded by a chunk, not by
 * the number of combinations.
 */
export async function* accessCombinations(store: Store, until: string, needs: AccessNeeds, writes: boolean): AsyncGenerator<AccessCombination[]> {
  // The stored mfa_basis is exact when the rollups cover every stored sign-in; otherwise it is resolved on the fly, as
  // the features do (a cut-off changes no sign-in's basis, which depends only on earlier ones).
  const state = await signInRollupState(store, until);
  yield* streamRows(store, signInCombinationsSql(until, needs, state !== 'stale'), 'sign-in combination');
  if (writes) yield* streamRows(store, writeCombinationsSql(until), 'write combination');
}
