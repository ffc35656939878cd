import type { Detector } from '../../core/detector.js';
import { detectSdkJava } from './detect.js';
import { SDK_JAVA_RULES } from './rules.js';

export const sdkJavaDetector: Detector = {
  id: 'sdk-java',
  ecosystem: 'java',
  handles: (_path, language) => language === 'java',
  triggers: ['credentialbuilder', 'usernamepasswordparameters', 'devicecodeflowparameters', 'interactiverequestparameters'],
  rules: SDK_JAVA_RULES,
  detect: detectSdkJava,
};
