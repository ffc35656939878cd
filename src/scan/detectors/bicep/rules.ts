import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

export const BICEP_RULES: readonly RuleMeta[] = [
  {
    id: 'bicep/deployment-script-managed-identity',
    authMethod: 'managed-identity',
    severity: 'note',
    summary: 'A deployment script runs signed in as its managed identity; Azure CLI / Azure PowerShell commands in it use that identity.',
    fix: FIX_BY_METHOD['managed-identity'],
    docUrl: 'https://learn.microsoft.com/azure/azure-resource-manager/bicep/deployment-script-bicep',
    // The script's CLI and PowerShell sessions are the identity's: ambient commands in it resolve to this.
    session: 'any',
  },
];

export const DEPLOYMENT_SCRIPTS_TYPE = 'microsoft.resources/deploymentscripts';

/** The script language of a deployment script `kind`. */
export function scriptLanguage(kind: string | null): 'powershell' | 'bash' | null {
  if (kind?.toLowerCase() === 'azurepowershell') return 'powershell';
  if (kind?.toLowerCase() === 'azurecli') return 'bash';
  return null;
}
