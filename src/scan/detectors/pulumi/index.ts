import type { Detector } from '../../core/detector.js';
import { detectPulumi } from './detect.js';
import { PULUMI_RULES } from './rules.js';
import { pulumiFileKind } from './yaml-config.js';

const PROGRAM_LANGUAGES = new Set(['javascript', 'typescript', 'tsx', 'python']);

export const pulumiDetector: Detector = {
  id: 'pulumi',
  ecosystem: 'pulumi',
  handles: (path, language) => pulumiFileKind(path) !== null || PROGRAM_LANGUAGES.has(language),
  // Config keys and resource types (azure-native:…), and the package names a program imports.
  triggers: ['azure-native:', 'azure:', 'azuread:', '@pulumi/azure', 'pulumi_azure'],
  rules: PULUMI_RULES,
  detect: detectPulumi,
};
