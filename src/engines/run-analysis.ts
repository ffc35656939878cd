import { z } from 'zod';
import { phase } from '../catalog/enforcement.js';
import type { UnattendedConfig } from '../config/config-schema.js';
import { ConfigError, UsageError } from '../errors.js';
import type { IdentityFeatures } from '../features/identity-features.js';
import { automationFor, loadAutomation } from '../features/load-automation.js';
import { loadIdentityFeatures, loadTenantFeatures } from '../features/load-features.js';
import { IDENTITY_CLASSES, VERDICTS, type AnalysisResult, type IdentityAnalysis, type Verdict } from '../model/analysis.js';
import type { Store } from '../store/store.js';
import { classify } from './classify/classify.js';
import { assessImpact, type EnforcementDates } from './impact/impact.js';
import { recommend } from './recommend/recommend.js';

export interface AnalysisOptions {
  asOf?: string;
  phase1Date?: string;
  phase2Date?: string;
  config?: UnattendedConfig | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/u.test(value));

function checkDate(value: string, flag: string): string {
  if (!isoDate.safeParse(value).success) throw new UsageError(`${flag} ${value} is not a date`, `give ${flag} as YYYY-MM-DD`);
  return value;
}

/** Flags win over unattended.yaml, which wins over the catalog's defaults. */
export function enforcementDates(options: AnalysisOptions): EnforcementDates {
  const configured = options.config?.enforcement;
  const phase1 = options.phase1Date ? checkDate(options.phase1Date, '--phase1-date') : (configured?.phase1 ?? phase('phase1').defaultDate);
  const phase2 = options.phase2Date ? checkDate(options.phase2Date, '--phase2-date') : (configured?.phase2 ?? phase('phase2').defaultDate);
  if (phase2 < phase1) throw new ConfigError(`phase 2 (${phase2}) is before phase 1 (${phase1})`, 'phase 2 starts on or after phase 1; check --phase1-date/--phase2-date or enforcement in unattended.yaml');
  return { phase1, phase2 };
}

function resolveAsOf(requested: string | undefined, newest: string | null): string {
  if (requested !== undefined) {
    if (!instant.safeParse(requested).success) throw new UsageError(`--as-of ${requested} is not a date or time`, 'give --as-of as YYYY-MM-DD or an ISO-8601 time, e.g. 2026-11-20T23:59:59Z');
    // A bare date means the end of that day: everything recorded on it counts.
    return /^\d{4}-\d{2}-\d{2}$/u.test(requested) ? new Date(`${requested}T23:59:59.999Z`).toISOString() : new Date(requested).toISOString();
  }
  return newest ?? new Date().toISOString();
}

const VERDICT_ORDER: Readonly<Record<Verdict, number>> = { broken: 0, breaks: 1, 'at-risk': 2, ready: 3, 'not-affected': 4 };

/** Broken first, then what breaks soonest, at-risk, ready, not affected; ties by UPN or name. */
export function compareIdentities(a: IdentityAnalysis, b: IdentityAnalysis): number {
  const byVerdict = VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
  if (byVerdict !== 0) return byVerdict;
  const byDate = (a.breaksOn ?? '9999').localeCompare(b.breaksOn ?? '9999');
  if (byDate !== 0) return byDate;
  const nameA = (a.upn ?? a.displayName).toLowerCase();
  const nameB = (b.upn ?? b.displayName).toLowerCase();
  return nameA.localeCompare(nameB) || a.id.localeCompare(b.id);
}

function summarise(identities: readonly IdentityAnalysis[]): AnalysisResult['summary'] {
  const byClass: Record<string, number> = Object.fromEntries(IDENTITY_CLASSES.map((name) => [name, 0]));
  const byVerdict: Record<string, number> = Object.fromEntries(VERDICTS.map((name) => [name, 0]));
  for (const identity of identities) {
    byClass[identity.class] = (byClass[identity.class] ?? 0) + 1;
    byVerdict[identity.verdict] = (byVerdict[identity.verdict] ?? 0) + 1;
  }
  return { byClass, byVerdict };
}

function displayNameOf(features: IdentityFeatures): string {
  return features.displayName ?? features.upn ?? features.appId ?? features.id;
}

/** store → features → classify / impact / recommend → the analyze contract (DESIGN.md, schemaVersion 1). */
export async function runAnalysis(store: Store, options: AnalysisOptions): Promise<AnalysisResult> {
  const enforcement = enforcementDates(options);
  const tenant = await loadTenantFeatures(store);
  const asOf = resolveAsOf(options.asOf, tenant.newestRecord);
  // One after the other: the features stream from the store's one connection, which another query would interrupt.
  const features = await loadIdentityFeatures(store, asOf);
  const automation = await loadAutomation(store);
  const breakGlass = options.config?.breakGlass ?? [];

  const identities = features.map((f): IdentityAnalysis => {
    const classification = classify(f, { breakGlass, tenant });
    const impact = assessImpact(f, classification.class, { asOf, enforcement, tenant });
    return {
      id: f.id,
      upn: f.upn,
      displayName: displayNameOf(f),
      kind: f.kind,
      class: classification.class,
      confidence: classification.confidence,
      evidence: classification.evidence,
      verdict: impact.verdict,
      breaksOn: impact.breaksOn,
      phase: impact.phase,
      reasons: impact.reasons,
      automation: automationFor(automation, f.upn, f.kind === 'user' ? null : f.appId),
      recommendation: recommend(f, classification.class, impact, asOf),
      owner: null,
      exception: null,
    };
  });
  identities.sort(compareIdentities);
  return {
    schemaVersion: 1,
    tenantId: options.config?.tenant?.id ?? tenant.tenantId,
    asOf,
    enforcement,
    identities,
    summary: summarise(identities),
  };
}
