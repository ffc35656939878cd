import type { Detector } from '../../core/detector.js';
import { ENV_CREDENTIAL_NAMES } from '../shell/env-credentials.js';
import { detectPowerShell, POWERSHELL_ECOSYSTEM } from './detect.js';
import { POWERSHELL_RULES } from './rules.js';

export const powershellDetector: Detector = {
  id: 'powershell',
  ecosystem: POWERSHELL_ECOSYSTEM,
  handles: (_path, language) => language === 'powershell',
  triggers: [
    'connect-', 'login-az', 'add-az', 'new-az', 'get-msaltoken', 'acquiretoken', 'usercredential', 'userpasswordcredential', 'clientcredential',
    'clientassertioncertificate', 'grant_type', 'terraform', 'az login', 'az deployment', 'az group deployment', 'az stack',
    ...ENV_CREDENTIAL_NAMES.map((name) => name.toLowerCase()),
  ],
  rules: POWERSHELL_RULES,
  detect: detectPowerShell,
};
