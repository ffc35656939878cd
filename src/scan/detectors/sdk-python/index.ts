import type { Detector } from '../../core/detector.js';
import { sdkTriggers } from '../../detector-kit/sdk-call.js';
import { detectSdkPython } from './detect.js';
import { PYTHON_APIS, SDK_PYTHON_RULES } from './rules.js';

export const sdkPythonDetector: Detector = {
  id: 'sdk-python',
  ecosystem: 'python',
  handles: (_path, language) => language === 'python',
  triggers: sdkTriggers(PYTHON_APIS),
  rules: SDK_PYTHON_RULES,
  detect: detectSdkPython,
};
