import { ENV_CREDENTIAL_SCHEMES } from '../../../catalog/credential-env-vars.js';
import type { Detector } from '../../core/detector.js';
import { configFileKind } from '../config-env/rules.js';
import { detectBicep } from './detect.js';
import { BICEP_RULES } from './rules.js';

export const bicepDetector: Detector = {
  id: 'bicep',
  ecosystem: 'bicep',
  // ARM templates are any JSON with the deploymentTemplate schema; settings files belong to config-env.
  handles: (path, language) => language === 'bicep' || path.endsWith('.bicep') || (path.endsWith('.json') && configFileKind(path, language) !== 'json'),
  triggers: ['deploymentscripts', 'avm/res/resources/deployment-script', ...new Set(ENV_CREDENTIAL_SCHEMES.flatMap((scheme) => scheme.requires.flat().map((name) => name.toLowerCase())))],
  rules: BICEP_RULES,
  detect: detectBicep,
};
