import type { Detector } from '../../core/detector.js';
import { detectAnsible, isCredentialsFile } from './detect.js';
import { ANSIBLE_RULES } from './rules.js';

export const ansibleDetector: Detector = {
  id: 'ansible',
  ecosystem: 'ansible',
  handles: (path, language) => isCredentialsFile(path) || ((language === 'yaml' || /\.ya?ml$/u.test(path)) && !path.includes('.github/workflows/')),
  triggers: ['azure_rm', 'azure.azcollection', 'azure_ad_user', 'ad_user', 'subscription_id', 'auth_source'],
  rules: ANSIBLE_RULES,
  detect: detectAnsible,
};
