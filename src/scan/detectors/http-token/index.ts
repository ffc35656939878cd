import type { Detector } from '../../core/detector.js';
import { detectHttpToken } from './detect.js';
import { HTTP_TOKEN_RULES } from './rules.js';

/** PowerShell is left to the powershell detector, which owns `Invoke-RestMethod` token requests (one behaviour, one rule). */
const LANGUAGES = new Set(['python', 'javascript', 'typescript', 'tsx', 'c_sharp', 'java', 'go', 'bash']);

export const httpTokenDetector: Detector = {
  id: 'http-token',
  ecosystem: 'http',
  handles: (_path, language) => LANGUAGES.has(language),
  triggers: ['oauth2', 'identity_endpoint', 'msi_endpoint'],
  rules: HTTP_TOKEN_RULES,
  detect: detectHttpToken,
};
