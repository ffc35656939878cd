/**
 * The view shapes as schemas, for the front end to check what it reads (the dashboard's answers, the report's
 * embedded blocks) before trusting it. zod/mini (about 18 KB in the bundle, against 60 KB for zod's full build); each
 * schema is typed by its interface, so the compiler keeps the two the same.
 */
import * as z from 'zod/mini';
import { IDENTITY_CLASSES, VERDICTS, type IdentityClass, type Verdict } from '../../model/analysis.js';
import { ACTION_ORDER } from '../presentation.js';
import type { AuthMethod } from '../../model/scan-finding.js';
import type { CodedColumn, EmbeddedDetail, EmbeddedDetailChunk, EmbeddedTable } from './embedded-format.js';
import type { IdentityDetail, Overview, SnapshotPointView, SnapshotsView, TableRow, WhatIfDiffView } from './view-types.js';

export const AUTH_METHODS = [
  'user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation',
] as const satisfies readonly AuthMethod[];
const MFA_IMPACTS = ['breaks', 'needs-human', 'depends', 'safe'] as const;
const KINDS = ['user', 'servicePrincipal', 'managedIdentity'] as const;

const count = z.number();
const text = z.string();
const maybeText = z.nullable(z.string());
const verdict = z.enum(VERDICTS);
const identityClass = z.enum(IDENTITY_CLASSES);

function byVerdict(): z.ZodMiniType<Record<Verdict, number>> {
  return z.object({ broken: count, breaks: count, 'at-risk': count, ready: count, 'not-affected': count });
}

function byClass<T>(value: z.ZodMiniType<T>): z.ZodMiniType<Record<IdentityClass, T>> {
  return z.object({ 'service-account': value, 'break-glass': value, human: value, 'workload-identity': value, unknown: value });
}

const keyValues = z.nullable(z.array(z.tuple([text, text])));

export const tableRowSchema: z.ZodMiniType<TableRow> = z.object({
  index: count,
  id: text,
  upn: maybeText,
  displayName: text,
  kind: z.enum(KINDS),
  class: identityClass,
  confidence: count,
  verdict,
  breaksOn: maybeText,
  phase: maybeText,
  action: z.enum(ACTION_ORDER),
  owner: maybeText,
  exception: maybeText,
  stage: maybeText,
  automation: count,
});

export const identityDetailSchema: z.ZodMiniType<IdentityDetail> = z.extend(z.object({
  index: count,
  id: text,
  upn: maybeText,
  displayName: text,
  kind: z.enum(KINDS),
  class: identityClass,
  confidence: count,
  verdict,
  breaksOn: maybeText,
  phase: maybeText,
  action: z.enum(ACTION_ORDER),
  owner: maybeText,
  exception: maybeText,
  stage: maybeText,
  automation: count,
}), {
  evidence: z.array(z.object({ signal: text, detail: text, weight: count })),
  reasons: z.array(text),
  automationLinks: z.array(z.object({ file: text, line: count, authMethod: z.enum(AUTH_METHODS) })),
  why: text,
  hourOfWeek: z.nullable(z.array(count).check(z.length(168))),
  plan: keyValues,
  ownerDetail: keyValues,
  exceptionDetail: keyValues,
});

/** One page of the dashboard's identity table. */
export const tablePageSchema: z.ZodMiniType<{ total: number; offset: number; rows: TableRow[] }> = z.object({ total: count, offset: count, rows: z.array(tableRowSchema) });

const importCounts = { read: count, stored: count, duplicates: count, quarantined: count };

const agreement = z.object({ compared: count, agreed: count, rate: z.nullable(count) });

const whatIfDiffSchema: z.ZodMiniType<WhatIfDiffView> = z.object({
  policies: z.array(z.object({ id: text, displayName: maybeText, state: text, file: text, replaces: z.boolean(), byVerdict: byVerdict() })),
  newlyFailing: z.object({
    total: count,
    listed: z.array(z.object({
      id: text, name: text, class: identityClass, verdict, policies: z.array(text), signIns: count, first: text, last: text, proof: maybeText, automation: z.array(text),
    })),
  }),
  agreement: z.object({ enabled: agreement, reportOnly: agreement, disabled: agreement, notComparable: count, disagreements: count, undefinedPolicies: count }),
  notes: z.array(text),
});

const snapshotPoint: z.ZodMiniType<SnapshotPointView> = z.object({
  id: count, takenAt: text, command: text, asOf: text, identities: count, serviceAccounts: byVerdict(), gateProblems: z.nullable(count),
});

const snapshotsSchema: z.ZodMiniType<SnapshotsView> = z.object({
  total: count,
  points: z.array(snapshotPoint),
  latest: z.nullable(z.object({
    from: snapshotPoint,
    to: snapshotPoint,
    policyChanged: z.boolean(),
    changes: z.array(z.object({ key: text, scope: z.enum(['change', 'state']), title: text, total: count, items: z.array(z.object({ subject: text, detail: text })) })),
  })),
});

export const overviewSchema: z.ZodMiniType<Overview> = z.object({
  schemaVersion: z.literal(1),
  tenantId: maybeText,
  asOf: text,
  enforcement: z.object({ phase1: text, phase2: text }),
  generatedAt: text,
  total: count,
  byVerdict: byVerdict(),
  byClass: byClass(count),
  matrix: byClass(byVerdict()),
  serviceAccounts: z.object({ total: count, broken: count, breaks: count, atRisk: count, firstBreak: maybeText }),
  timeline: z.array(z.object({ date: maybeText, phase: text, class: identityClass, count })),
  phases: z.array(z.object({ phase: maybeText, count })),
  owners: z.array(z.object({ owner: maybeText, total: count, byVerdict: byVerdict() })),
  policies: z.array(z.object({ phase: text, total: count, byVerdict: byVerdict(), firstBreak: maybeText })),
  stages: z.array(z.object({ stage: text, count })),
  plans: z.object({
    total: count,
    listed: z.array(z.object({ id: text, name: text, target: text, subject: maybeText, leastPrivilege: maybeText, stage: text, command: maybeText })),
  }),
  exceptions: count,
  scan: z.object({
    total: count,
    breaking: count,
    findings: z.array(z.object({
      file: text, line: count, ecosystem: text, authMethod: z.enum(AUTH_METHODS), mfaImpact: z.enum(MFA_IMPACTS),
      identityKind: maybeText, identityValue: maybeText, identityId: maybeText, rule: text, message: text, fix: text,
    })),
  }),
  coverage: z.object({
    ...importCounts,
    batches: count,
    folder: text,
    byFormat: z.array(z.object({ ...importCounts, format: maybeText, batches: count })),
    listed: z.array(z.object({ ...importCounts, file: text, format: maybeText })),
  }),
  whatIf: z.nullable(whatIfDiffSchema),
  snapshots: z.nullable(snapshotsSchema),
});

/**
 * Columns of 100,000 values are checked by one plain loop each: zod's per-element checks took 180 ms of the report's
 * first render for 1.5 million values.
 */
function column<T>(is: (value: unknown) => value is T): z.ZodMiniType<T[]> {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(is));
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isMaybeText(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number';
}

const codedColumn: z.ZodMiniType<CodedColumn> = z.object({ values: column(isText), codes: column(isCount) });

/** The embedded table; web/src/data/embedded-source.ts checks that every column holds `count` rows. */
export const embeddedTableSchema: z.ZodMiniType<EmbeddedTable> = z.object({
  count,
  id: column(isText),
  upn: column(isMaybeText),
  name: column(isText),
  confidence: column(isCount),
  automation: column(isCount),
  detailChunk: column(isCount),
  detailPosition: column(isCount),
  kind: codedColumn,
  class: codedColumn,
  verdict: codedColumn,
  breaksOn: codedColumn,
  phase: codedColumn,
  action: codedColumn,
  owner: codedColumn,
  exception: codedColumn,
  stage: codedColumn,
});

const facts = z.nullable(z.array(z.tuple([count, count])));

const embeddedDetailSchema: z.ZodMiniType<EmbeddedDetail> = z.tuple([
  z.array(z.tuple([count, count, count])),
  z.array(count),
  z.array(z.tuple([count, count, count])),
  count,
  z.nullable(z.array(count)),
  facts,
  facts,
  facts,
]);

export const embeddedDetailChunkSchema: z.ZodMiniType<EmbeddedDetailChunk> = z.object({ texts: z.array(text), details: z.array(embeddedDetailSchema) });
