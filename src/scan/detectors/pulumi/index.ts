import type { Detector } from '../../core/detector.js';
import { detectPulumi } from './detect.js';
import { PULUMI_RULES } from './rules.js';

export const pulumiDetector: Detector = {
  id: 'pulumi',
  ecosystem: 'pulumi',
  handles: (path) => /(?:^|\/)Pulumi\.[^./]+\.ya?ml$/u.test(path),
  triggers: ['azure-native:', 'azure:', 'azuread:'],
  rules: PULUMI_RULES,
  detect: detectPulumi,
};
