import type { Detector } from '../../core/detector.js';
import { detectSdkGo } from './detect.js';
import { SDK_GO_RULES } from './rules.js';

export const sdkGoDetector: Detector = {
  id: 'sdk-go',
  ecosystem: 'go',
  handles: (_path, language) => language === 'go',
  triggers: ['credential', 'usernamepassword', 'acquiretokeninteractive', 'acquiretokenbydevicecode'],
  rules: SDK_GO_RULES,
  detect: detectSdkGo,
};
