import type { Detector } from '../../core/detector.js';
import { detectTerraform } from './detect.js';
import { TERRAFORM_RULES } from './rules.js';

export const terraformDetector: Detector = {
  id: 'terraform',
  ecosystem: 'terraform',
  handles: (path, language) => (language === 'terraform' || language === 'hcl') && /\.(?:tf|tofu)$/u.test(path),
  triggers: ['azurerm', 'azuread', 'azapi'],
  rules: TERRAFORM_RULES,
  detect: detectTerraform,
};
