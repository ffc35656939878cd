import type { Detector } from '../../core/detector.js';
import { detectShell, SHELL_ECOSYSTEM } from './detect.js';
import { ENV_CREDENTIAL_NAMES } from './env-credentials.js';
import { SHELL_RULES } from './rules.js';

export const shellDetector: Detector = {
  id: 'shell',
  ecosystem: SHELL_ECOSYSTEM,
  handles: (_path, language) => language === 'bash',
  triggers: ['az login', 'az deployment', 'az group deployment', 'az stack', 'terraform', 'azure_config_dir', ...ENV_CREDENTIAL_NAMES.map((name) => name.toLowerCase())],
  rules: SHELL_RULES,
  detect: detectShell,
};
