import type { Detector } from '../../core/detector.js';
import { sdkTriggers } from '../../detector-kit/sdk-call.js';
import { detectSdkDotnet } from './detect.js';
import { DOTNET_APIS, SDK_DOTNET_RULES } from './rules.js';

export const sdkDotnetDetector: Detector = {
  id: 'sdk-dotnet',
  ecosystem: 'dotnet',
  handles: (_path, language) => language === 'c_sharp',
  triggers: sdkTriggers(DOTNET_APIS),
  rules: SDK_DOTNET_RULES,
  detect: detectSdkDotnet,
};
