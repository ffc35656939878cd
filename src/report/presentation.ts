import type { IdentityClass, RecommendedAction, Verdict } from '../model/analysis.js';
import type { MfaImpact } from '../model/scan-finding.js';

/** Most urgent first: the order of every verdict list, card row and sort in the reports. */
export const VERDICT_URGENCY: readonly Verdict[] = ['broken', 'breaks', 'at-risk', 'ready', 'not-affected'];

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  broken: 'Broken',
  breaks: 'Breaks',
  'at-risk': 'At risk',
  ready: 'Ready',
  'not-affected': 'Not affected',
};

/** Automation first: service accounts are what the report exists to find. */
export const CLASS_ORDER: readonly IdentityClass[] = ['service-account', 'break-glass', 'human', 'workload-identity', 'unknown'];

export const CLASS_LABEL: Readonly<Record<IdentityClass, string>> = {
  'service-account': 'Service account',
  'break-glass': 'Break-glass',
  human: 'Human',
  'workload-identity': 'Workload identity',
  unknown: 'Unknown',
};

/** Every recommended action, in the order the reports list them. */
export const ACTION_ORDER: readonly RecommendedAction[] = [
  'migrate-managed-identity', 'migrate-workload-federation', 'migrate-service-principal-certificate', 'enroll-mfa', 'enroll-phishing-resistant-mfa', 'retire', 'none',
];

export const ACTION_LABEL: Readonly<Record<RecommendedAction, string>> = {
  'migrate-managed-identity': 'Migrate to a managed identity',
  'migrate-workload-federation': 'Migrate to workload identity federation',
  'migrate-service-principal-certificate': 'Migrate to a service principal with a certificate',
  'enroll-mfa': 'Enrol in MFA',
  'enroll-phishing-resistant-mfa': 'Enrol in phishing-resistant MFA',
  retire: 'Retire',
  none: 'No action',
};

export const MFA_IMPACT_URGENCY: readonly MfaImpact[] = ['breaks', 'needs-human', 'depends', 'safe'];

export function verdictRank(verdict: Verdict): number {
  return VERDICT_URGENCY.indexOf(verdict);
}
