import type { Detector } from '../../core/detector.js';
import { detectSdkDotnet } from './detect.js';
import { SDK_DOTNET_RULES } from './rules.js';

export const sdkDotnetDetector: Detector = {
  id: 'sdk-dotnet',
  ecosystem: 'dotnet',
  handles: (_path, language) => language === 'c_sharp',
  triggers: ['credential', 'usernamepassword', 'acquiretokeninteractive', 'devicecode', 'fromuser', 'loginsilentasync', 'fromserviceprincipal', 'frommsi'],
  rules: SDK_DOTNET_RULES,
  detect: detectSdkDotnet,
};
