import { userAgentFamily } from '../../catalog/user-agents.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import type { RecommendedAction } from '../../model/analysis.js';
import type { FederatedSubject, FederationPlatform, PlanTarget } from '../../model/plan.js';
import type { CodeFinding } from './plan-context.js';

/** Microsoft's limit per app registration or user-assigned managed identity. */
export const MAX_FEDERATED_CREDENTIALS = 20;

const PLATFORM_OF_AGENT: Readonly<Record<string, FederationPlatform>> = { 'github-actions': 'github-actions', 'azure-devops': 'azure-pipelines' };

function accountName(f: IdentityFeatures): string {
  return (f.upn ?? f.displayName ?? f.id).split('@')[0] ?? f.id;
}

function uniqueSubjects(findings: readonly CodeFinding[]): FederatedSubject[] {
  const seen = new Set<string>();
  const subjects: FederatedSubject[] = [];
  for (const subject of findings.flatMap((finding) => finding.subjects)) {
    const key = `${subject.issuer} ${subject.subject ?? subject.claimsMatchingExpression ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    subjects.push(subject);
  }
  return subjects;
}

function federationTarget(f: IdentityFeatures, why: string, linked: readonly CodeFinding[]): PlanTarget {
  const ci = linked.filter((finding) => finding.platform !== null && finding.subjects.length > 0);
  const agentPlatform = f.userAgents.map((agent) => PLATFORM_OF_AGENT[userAgentFamily(agent.key)?.id ?? '']).find((platform) => platform !== undefined) ?? null;
  const platform = ci[0]?.platform ?? agentPlatform;
  const subjects = uniqueSubjects(ci);
  const reasons = [why];
  if (ci.length > 0) reasons.push(`The login runs in ${ci.map((finding) => `${finding.file}:${finding.line}`).join(', ')}: its token's subject comes from there.`);
  else reasons.push('No scanned pipeline signs in as this account: scan the repository that runs it to get the exact subject.');
  const exact = subjects.filter((subject) => subject.subject !== null).length;
  if (exact > MAX_FEDERATED_CREDENTIALS) {
    reasons.push(`${exact} subjects exceed the ${MAX_FEDERATED_CREDENTIALS} federated credentials an application allows: group them with a flexible federated credential (claims-matching expression, GitHub only) or split the workload across identities.`);
  }
  if (subjects.some((subject) => subject.claimsMatchingExpression !== null)) reasons.push('Wildcard branches need a flexible federated credential (claims-matching expression).');
  const unresolved = [...new Set(subjects.flatMap((subject) => subject.unresolved))];
  if (unresolved.length > 0) reasons.push(`To fill in: ${unresolved.join('; ')}.`);
  const connection = ci.find((finding) => finding.connection !== null)?.connection ?? null;
  const name = platform === 'azure-pipelines' && connection ? connection : `wi-${accountName(f)}`;
  return { kind: 'workload-identity-federation', assignment: null, platform, name, subjects, runsOn: ci.map((finding) => `${finding.file}:${finding.line}`), reasons };
}

function managedIdentityTarget(f: IdentityFeatures, why: string, linked: readonly CodeFinding[]): PlanTarget {
  // One address: one machine or app runs the job (system-assigned on it); several: one identity they share.
  const shared = f.distinctIps > 1;
  const reasons = [why];
  reasons.push(
    shared
      ? `It signs in from ${f.distinctIps} addresses: several resources share the job, so one user-assigned identity attached to each of them.`
      : 'It signs in from one address: enable the system-assigned identity of the resource at that address.',
  );
  if (linked.length > 0) reasons.push(`The job's code: ${linked.map((finding) => `${finding.file}:${finding.line}`).join(', ')}.`);
  return {
    kind: 'managed-identity',
    assignment: shared ? 'user-assigned' : 'system-assigned',
    platform: null,
    name: shared ? `id-${accountName(f)}` : null,
    subjects: [],
    runsOn: [`${f.distinctIps} Azure address${f.distinctIps === 1 ? '' : 'es'} (ASN 8075)`],
    reasons,
  };
}

/** The target for an identity's recommended action, made exact with the code that signs in as it. Null: nothing to plan. */
export function chooseTarget(f: IdentityFeatures, action: RecommendedAction, why: string, linked: readonly CodeFinding[]): PlanTarget | null {
  const base = { assignment: null, platform: null, name: null, subjects: [], runsOn: [] };
  switch (action) {
    case 'none':
      return null;
    case 'migrate-workload-federation':
      return federationTarget(f, why, linked);
    case 'migrate-managed-identity':
      return managedIdentityTarget(f, why, linked);
    case 'migrate-service-principal-certificate':
      return {
        ...base,
        kind: 'service-principal-certificate',
        name: `sp-${accountName(f)}`,
        reasons: [why, 'No federation option where it runs: an application with a certificate credential; the private key stays in a key store (Key Vault, the machine\'s certificate store or an HSM), never in code or a variable.'],
      };
    case 'enroll-mfa':
      return { ...base, kind: 'enroll-mfa', reasons: [why] };
    case 'enroll-phishing-resistant-mfa':
      return { ...base, kind: 'phishing-resistant-mfa', reasons: [why] };
    case 'retire':
      return { ...base, kind: 'retire', reasons: [why] };
  }
}
