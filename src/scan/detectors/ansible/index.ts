import type { Detector } from '../../core/detector.js';
import { detectAnsible } from './detect.js';
import { ANSIBLE_RULES } from './rules.js';

export const ansibleDetector: Detector = {
  id: 'ansible',
  ecosystem: 'ansible',
  handles: (path, language) => (language === 'yaml' || /\.ya?ml$/u.test(path)) && !path.includes('.github/workflows/'),
  triggers: ['azure_rm', 'azure.azcollection', 'azure_ad_user'],
  rules: ANSIBLE_RULES,
  detect: detectAnsible,
};
