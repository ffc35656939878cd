import { z } from 'zod';
import { SOURCES } from './sources.js';

const userAgentFamilySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  label: z.string().min(1),
  /** Lowercase substrings; the first family (in this order) with a match wins. */
  contains: z.array(z.string().min(1).regex(/^[^%_A-Z]+$/u)).min(1),
  /** A tool or SDK that runs unattended as well as it runs at a desk (browsers and the mobile app do not). */
  automation: z.boolean(),
  /** Typical of a CI runner: the job most likely runs in a pipeline. */
  ci: z.boolean(),
  source: z.url(),
});

export type UserAgentFamily = z.infer<typeof userAgentFamilySchema>;

/**
 * User-agent families seen in sign-in logs. Order matters: CI markers and IaC tools come before the CLI
 * they drive (Terraform's requests name both), the CLI before the Python SDK it is built on.
 */
export const USER_AGENT_FAMILIES = z.array(userAgentFamilySchema).parse([
  { id: 'github-actions', label: 'GitHub Actions', contains: ['githubactions', 'github-actions', 'github actions'], automation: true, ci: true, source: SOURCES.azureLoginAction },
  { id: 'azure-devops', label: 'Azure Pipelines', contains: ['azure-pipelines', 'azurepipelines', 'vsts', 'azuredevops', 'azure devops'], automation: true, ci: true, source: SOURCES.azureLoginAction },
  { id: 'terraform', label: 'Terraform', contains: ['terraform', 'hashicorp'], automation: true, ci: true, source: SOURCES.terraformAzurerm },
  { id: 'azure-cli', label: 'Azure CLI', contains: ['azurecli', 'azure-cli'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'az-powershell', label: 'Az PowerShell', contains: ['azurepowershell', 'az.accounts', 'powershell'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'python-sdk', label: 'Python SDK', contains: ['azsdk-python', 'python-requests', 'msal-python', 'python/'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'java-sdk', label: 'Java SDK', contains: ['azsdk-java', 'msal4j', 'java/'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'dotnet-sdk', label: '.NET SDK', contains: ['azsdk-net', 'msal.net', '.net'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'go-sdk', label: 'Go SDK', contains: ['azsdk-go', 'go-http-client'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'node-sdk', label: 'JavaScript SDK', contains: ['azsdk-js', 'msal-node', 'node.js', 'node/'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'curl', label: 'curl', contains: ['curl/'], automation: true, ci: false, source: SOURCES.azureSdkUserAgent },
  { id: 'browser', label: 'a browser', contains: ['mozilla/'], automation: false, ci: false, source: SOURCES.azureSdkUserAgent },
]);

export function userAgentFamily(id: string): UserAgentFamily | null {
  return USER_AGENT_FAMILIES.find((family) => family.id === id) ?? null;
}
