import { z } from 'zod';
import { phase } from '../catalog/enforcement.js';
import type { UnattendedConfig } from '../config/config-schema.js';
import { ConfigError, UsageError } from '../errors.js';
import { loadAutomation } from '../features/load-automation.js';
import { featuresFromText } from '../features/identity-row.js';
import { identityFeatureTexts, loadTenantFeatures } from '../features/load-features.js';
import type { TenantFeatures } from '../features/identity-features.js';
import { IDENTITY_CLASSES, VERDICTS, type AnalysisResult, type IdentityAnalysis } from '../model/analysis.js';
import type { Store } from '../store/store.js';
import { analyseIdentity, type AnalysisContext } from './analyse-identity.js';
import { governancePolicy, needsTags } from './govern/governance-policy.js';
import { loadIdentityTags } from '../features/load-identity-tags.js';
import { sortIdentities } from './identity-order.js';
import type { EnforcementDates } from './impact/impact.js';
import { buildPlanContext, DEFAULT_QUIET_DAYS } from './plan/plan-context.js';
import { loadPlanInputs } from '../store/read-model/plan-inputs.js';
import type { CaPolicy } from '../model/conditional-access-policy.js';
import { runWhatIf, type WhatIfRun } from './whatif/run-what-if.js';
import { whatIfIdentityOf, whatIfReport } from './whatif/what-if-report.js';

export interface AnalysisOptions {
  asOf?: string;
  phase1Date?: string;
  phase2Date?: string;
  config?: UnattendedConfig | null;
  /** Days an account replaced by a new identity must stay quiet before it is ready to retire (default 7). */
  quietDays?: number;
  /** `analyze --what-if`: Conditional Access policies to judge as if they were on, each with the file it came from. */
  whatIf?: readonly { policy: CaPolicy; file: string }[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/u.test(value));

function checkDate(value: string, flag: string): string {
  if (!isoDate.safeParse(value).success) throw new UsageError(`${flag} ${value} is not a date`, `give ${flag} as YYYY-MM-DD`);
  return value;
}

/** The dates unattended.yaml gives: those of the tenant's cloud (enforcement.clouds) over enforcement.phase1/phase2. */
function configuredDates(config: UnattendedConfig | null | undefined): { phase1?: string; phase2?: string } {
  const enforcement = config?.enforcement;
  const ofCloud = enforcement?.clouds?.[config?.tenant?.cloud ?? 'public'];
  return { phase1: ofCloud?.phase1 ?? enforcement?.phase1, phase2: ofCloud?.phase2 ?? enforcement?.phase2 };
}

/**
 * Flags win over unattended.yaml, which wins over what `collect` read from the tenant (its Phase 1 date in the portal
 * settings), which wins over the catalog's defaults.
 */
export function enforcementDates(options: AnalysisOptions, collectedPhase1: string | null = null): EnforcementDates {
  const configured = configuredDates(options.config);
  const phase1 = options.phase1Date ? checkDate(options.phase1Date, '--phase1-date') : (configured.phase1 ?? collectedPhase1 ?? phase('phase1').defaultDate);
  const phase2 = options.phase2Date ? checkDate(options.phase2Date, '--phase2-date') : (configured.phase2 ?? phase('phase2').defaultDate);
  if (phase2 < phase1) throw new ConfigError(`phase 2 (${phase2}) is before phase 1 (${phase1})`, 'phase 2 starts on or after phase 1; check --phase1-date/--phase2-date or enforcement in unattended.yaml');
  return { phase1, phase2 };
}

export function resolveAsOf(requested: string | undefined, newest: string | null): string {
  if (requested !== undefined) {
    if (!instant.safeParse(requested).success) throw new UsageError(`--as-of ${requested} is not a date or time`, 'give --as-of as YYYY-MM-DD or an ISO-8601 time, e.g. 2026-11-20T23:59:59Z');
    // A bare date means the end of that day: everything recorded on it counts.
    return /^\d{4}-\d{2}-\d{2}$/u.test(requested) ? new Date(`${requested}T23:59:59.999Z`).toISOString() : new Date(requested).toISOString();
  }
  return newest ?? new Date().toISOString();
}

export function summarise(identities: readonly Pick<IdentityAnalysis, 'class' | 'verdict'>[]): AnalysisResult['summary'] {
  const byClass: Record<string, number> = Object.fromEntries(IDENTITY_CLASSES.map((name) => [name, 0]));
  const byVerdict: Record<string, number> = Object.fromEntries(VERDICTS.map((name) => [name, 0]));
  for (const identity of identities) {
    byClass[identity.class] = (byClass[identity.class] ?? 0) + 1;
    byVerdict[identity.verdict] = (byVerdict[identity.verdict] ?? 0) + 1;
  }
  return { byClass, byVerdict };
}

/** What a run of the analysis starts from: the document's head and the context every identity is judged in. */
export interface PreparedAnalysis {
  head: Omit<AnalysisResult, 'identities' | 'summary'>;
  context: AnalysisContext;
  /** With `whatIf` options: what the policies under test did, judged before any identity is read. */
  whatIf: WhatIfRun | null;
}

/** What the analysis needs before anything else: the tenant's facts, the enforcement dates and the cut-off. */
export interface AnalysisStart {
  tenant: TenantFeatures;
  enforcement: EnforcementDates;
  asOf: string;
}

/** The tenant's feature row, the dates and the cut-off: all the feature rows of the identities need to be read. */
export async function startAnalysis(store: Store, options: AnalysisOptions): Promise<AnalysisStart> {
  const tenant = await loadTenantFeatures(store);
  return { tenant, enforcement: enforcementDates(options, tenant.portalEnforcementDate), asOf: resolveAsOf(options.asOf, tenant.newestRecord) };
}

/**
 * The automation found in code, the plan's inputs, the break-glass list, the governance policy and (with `whatIf`)
 * what the policies under test did: the context every identity is judged in. `store` may be another connection than
 * the one the feature rows stream on (Store.beside), for both to run at once. `observed: false` leaves the observed
 * actions for the caller to read later (PlanContext.observedDeferred).
 */
export async function analysisContext(store: Store, start: AnalysisStart, options: AnalysisOptions, read: { observed: boolean } = { observed: true }): Promise<PreparedAnalysis> {
  const { tenant, enforcement, asOf } = start;
  const automation = await loadAutomation(store);
  const plan = buildPlanContext(await loadPlanInputs(store, asOf, read), options.quietDays ?? DEFAULT_QUIET_DAYS);
  if (!read.observed) plan.observedDeferred = true;
  const config = options.config ?? null;
  const governance = config === null ? null : governancePolicy(config, needsTags(config) ? await loadIdentityTags(store) : new Map());
  const tenantId = config?.tenant?.id ?? tenant.tenantId;
  const context: AnalysisContext = { asOf, enforcement, tenant, breakGlass: config?.breakGlass ?? [], automation, plan, governance };
  let whatIf: WhatIfRun | null = null;
  if (options.whatIf !== undefined) {
    whatIf = await runWhatIf(store, asOf, { proposed: options.whatIf, mandatory: false, tenantId });
    context.whatIf = { policies: whatIf.proposed.map((entry) => ({ id: entry.policy.id, displayName: entry.policy.displayName })), identities: whatIf.tallies.identities };
  }
  return { head: { schemaVersion: 1, tenantId, asOf, enforcement }, context, whatIf };
}

/** Dates, cut-off, tenant facts, break-glass list, the automation found in code and the governance policy, before any identity is read. */
export async function prepareAnalysis(store: Store, options: AnalysisOptions): Promise<PreparedAnalysis> {
  return analysisContext(store, await startAnalysis(store, options), options);
}

/** store → features → classify / impact / recommend → the analyze contract (DESIGN.md, schemaVersion 1). */
export async function runAnalysis(store: Store, options: AnalysisOptions): Promise<AnalysisResult> {
  const { head, context, whatIf } = await prepareAnalysis(store, options);
  const identities: IdentityAnalysis[] = [];
  const appIds = new Map<string, string | null>();
  // Each identity is analysed as its row arrives: feature rows are not kept, only what the contract holds.
  for await (const texts of identityFeatureTexts(store, context.asOf)) {
    for (const text of texts) {
      const features = featuresFromText(text);
      identities.push(analyseIdentity(features, context));
      if (whatIf) appIds.set(features.id, features.appId);
    }
  }
  const sorted = sortIdentities(identities);
  const result: AnalysisResult = { ...head, identities: sorted, summary: summarise(sorted) };
  if (whatIf) {
    result.whatIf = whatIfReport(whatIf, sorted.map((identity) => whatIfIdentityOf(identity, appIds.get(identity.id) ?? null)), context.automation);
  }
  return result;
}
