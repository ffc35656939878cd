import type { Detector } from '../../core/detector.js';
import { detectCrossplane } from './detect.js';
import { CROSSPLANE_RULES } from './rules.js';

export const crossplaneDetector: Detector = {
  id: 'crossplane',
  ecosystem: 'crossplane',
  handles: (path, language) => language === 'yaml' || /\.ya?ml$/u.test(path),
  triggers: ['azure.upbound.io', 'azuread.upbound.io', 'azure.m.upbound.io', 'azure.crossplane.io'],
  rules: CROSSPLANE_RULES,
  detect: detectCrossplane,
};
