import type { Detector } from '../../core/detector.js';
import { sdkTriggers } from '../../detector-kit/sdk-call.js';
import { detectSdkJava } from './detect.js';
import { JAVA_APIS, SDK_JAVA_RULES } from './rules.js';

export const sdkJavaDetector: Detector = {
  id: 'sdk-java',
  ecosystem: 'java',
  handles: (_path, language) => language === 'java',
  triggers: [...sdkTriggers(JAVA_APIS), 'adal4j'],
  rules: SDK_JAVA_RULES,
  detect: detectSdkJava,
};
