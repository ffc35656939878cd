import type { Detector } from '../../core/detector.js';
import { sdkTriggers } from '../../detector-kit/sdk-call.js';
import { detectSdkGo } from './detect.js';
import { GO_APIS, SDK_GO_RULES } from './rules.js';

export const sdkGoDetector: Detector = {
  id: 'sdk-go',
  ecosystem: 'go',
  handles: (_path, language) => language === 'go',
  triggers: sdkTriggers(GO_APIS, 'New'),
  rules: SDK_GO_RULES,
  detect: detectSdkGo,
};
