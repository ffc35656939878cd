import type { Detector } from '../../core/detector.js';
import { detectTerraform } from './detect.js';
import { TERRAFORM_RULES } from './rules.js';

export const terraformDetector: Detector = {
  id: 'terraform',
  ecosystem: 'terraform',
  handles: (path, language) => (language === 'terraform' || language === 'hcl') && /\.(?:tf|tofu|tfbackend)$/u.test(path),
  // local-exec scripts run from any resource (null_resource, terraform_data); -backend-config files need not name azurerm.
  triggers: ['azurerm', 'azuread', 'azapi', 'local-exec', 'storage_account_name'],
  rules: TERRAFORM_RULES,
  detect: detectTerraform,
};
