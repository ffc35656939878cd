import type { AutomationChange, PlanTarget } from '../../model/plan.js';
import type { CodeFinding } from './plan-context.js';

/** Whether `plan --emit patch` rewrites this place for this target (patches/ holds one writer per kind). */
export type PatchKind = 'github-actions-oidc' | 'azure-pipelines-connection' | 'az-cli-login' | 'connect-azaccount' | 'terraform-provider' | 'python-credential';

export function patchKindOf(finding: CodeFinding, target: PlanTarget): PatchKind | null {
  if (target.kind === 'retire' || target.kind === 'enroll-mfa' || target.kind === 'phishing-resistant-mfa') return null;
  if (finding.ecosystem === 'terraform' && finding.authMethod === 'ambient') return target.kind === 'workload-identity-federation' || target.kind === 'managed-identity' ? 'terraform-provider' : null;
  if (finding.authMethod !== 'user-password') return null;
  if (finding.platform === 'github-actions') return target.kind === 'workload-identity-federation' ? 'github-actions-oidc' : null;
  if (finding.platform === 'azure-pipelines') return finding.connection !== null ? 'azure-pipelines-connection' : null;
  if (/\.(?:sh|bash)$/u.test(finding.file) && finding.ecosystem === 'azure-cli') return 'az-cli-login';
  if (/\.ps1$/iu.test(finding.file) && finding.ecosystem === 'powershell') return 'connect-azaccount';
  if (/\.py$/u.test(finding.file) && finding.ecosystem === 'python' && target.kind === 'managed-identity') return 'python-credential';
  return null;
}

function changeText(finding: CodeFinding, target: PlanTarget, kind: PatchKind | null): string {
  switch (kind) {
    case 'github-actions-oidc':
      return 'Replace the password login with azure/login OIDC (client-id, tenant-id, subscription-id) and grant the job `permissions: id-token: write`.';
    case 'azure-pipelines-connection':
      return `Drop the inline user login: the task's service connection ${finding.connection ?? ''} signs in; convert that connection to workload identity federation (one click on the connection: "Convert") and give its identity the role below.`;
    case 'az-cli-login':
      return target.kind === 'managed-identity' ? 'Replace `az login -u … -p …` with `az login --identity`.' : 'Replace `az login -u … -p …` with `az login --service-principal --certificate` (the certificate from the machine\'s key store).';
    case 'connect-azaccount':
      return target.kind === 'managed-identity' ? 'Replace `Connect-AzAccount -Credential` with `Connect-AzAccount -Identity`.' : 'Replace `Connect-AzAccount -Credential` with `-ServicePrincipal -CertificateThumbprint` (the certificate in the machine\'s certificate store).';
    case 'terraform-provider':
      return target.kind === 'managed-identity' ? 'Set `use_msi = true` on the azurerm provider and backend.' : 'Set `use_oidc = true` on the azurerm provider and backend (the job provides the token).';
    case 'python-credential':
      return 'Replace `UsernamePasswordCredential` with `ManagedIdentityCredential` (no password in the environment).';
    case null:
      if (target.kind === 'service-principal-certificate') return 'Sign in as the new service principal with its certificate (MSAL ConfidentialClientApplication / Azure Identity CertificateCredential); no patch is generated for this code.';
      if (target.kind === 'workload-identity-federation') return 'Sign in with the platform\'s federated token (WorkloadIdentityCredential / --federated-token); no patch is generated for this code.';
      if (target.kind === 'managed-identity') return 'Sign in with the managed identity (ManagedIdentityCredential / --identity); no patch is generated for this code.';
      return 'Remove this sign-in once the account is retired.';
  }
}

/**
 * The automation to change: the code that signs in as the account, and the Terraform files a CI job that does so runs
 * (its providers sign in with the job's login), each with what to change and whether a patch is generated.
 */
export function automationChanges(linked: readonly CodeFinding[], terraformAmbient: readonly CodeFinding[], target: PlanTarget): { changes: AutomationChange[]; findings: CodeFinding[] } {
  const findings = [...linked];
  for (const job of linked.filter((finding) => finding.runsTerraform)) {
    for (const tf of terraformAmbient) {
      const inFolder = job.workingDirectories.some((folder) => tf.root === job.root && tf.file.startsWith(`${folder.replace(/^\.\//u, '').replace(/\/+$/u, '')}/`));
      if (inFolder && !findings.includes(tf)) findings.push(tf);
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const seen = new Set<string>();
  const changes: AutomationChange[] = [];
  const kept: CodeFinding[] = [];
  for (const finding of findings) {
    const kind = patchKindOf(finding, target);
    const key = `${finding.file}:${kind ?? finding.line}`;
    // One Terraform provider patch per file, however many ambient steps it has.
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(finding);
    changes.push({ file: finding.file, line: finding.line, authMethod: finding.authMethod, change: changeText(finding, target, kind), patch: kind !== null });
  }
  return { changes, findings: kept };
}
