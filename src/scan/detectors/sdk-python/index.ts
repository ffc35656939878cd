import type { Detector } from '../../core/detector.js';
import { detectSdkPython } from './detect.js';
import { SDK_PYTHON_RULES } from './rules.js';

export const sdkPythonDetector: Detector = {
  id: 'sdk-python',
  ecosystem: 'python',
  handles: (_path, language) => language === 'python',
  triggers: ['credential', 'username_password', 'device_flow', 'acquire_token_interactive', 'acquire_user_code', 'userpasscredentials', 'msiauthentication', 'get_azure_cli_credentials'],
  rules: SDK_PYTHON_RULES,
  detect: detectSdkPython,
};
