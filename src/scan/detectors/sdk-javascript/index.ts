import type { Detector } from '../../core/detector.js';
import { sdkTriggers } from '../../detector-kit/sdk-call.js';
import { detectSdkJavascript } from './detect.js';
import { JAVASCRIPT_APIS, SDK_JAVASCRIPT_RULES } from './rules.js';

const LANGUAGES = new Set(['javascript', 'typescript', 'tsx']);

export const sdkJavascriptDetector: Detector = {
  id: 'sdk-javascript',
  ecosystem: 'javascript',
  handles: (_path, language) => LANGUAGES.has(language),
  triggers: sdkTriggers(JAVASCRIPT_APIS),
  rules: SDK_JAVASCRIPT_RULES,
  detect: detectSdkJavascript,
};
