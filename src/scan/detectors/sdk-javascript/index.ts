import type { Detector } from '../../core/detector.js';
import { detectSdkJavascript } from './detect.js';
import { SDK_JAVASCRIPT_RULES } from './rules.js';

const LANGUAGES = new Set(['javascript', 'typescript', 'tsx']);

export const sdkJavascriptDetector: Detector = {
  id: 'sdk-javascript',
  ecosystem: 'javascript',
  handles: (_path, language) => LANGUAGES.has(language),
  triggers: ['credential', 'usernamepassword', 'devicecode', 'acquiretokeninteractive', 'acquireusercode', 'interactivelogin', 'loginwith'],
  rules: SDK_JAVASCRIPT_RULES,
  detect: detectSdkJavascript,
};
