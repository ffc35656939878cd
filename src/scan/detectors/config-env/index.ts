import { ENV_CREDENTIAL_SCHEMES } from '../../../catalog/credential-env-vars.js';
import type { Detector } from '../../core/detector.js';
import { detectConfigEnv } from './detect.js';
import { CONFIG_ENV_RULES, configFileKind } from './rules.js';

export const configEnvDetector: Detector = {
  id: 'config-env',
  ecosystem: 'config',
  handles: (path, language) => configFileKind(path, language) !== null,
  triggers: [...new Set(ENV_CREDENTIAL_SCHEMES.flatMap((scheme) => scheme.requires.flat().map((name) => name.toLowerCase())))],
  rules: CONFIG_ENV_RULES,
  detect: detectConfigEnv,
};
