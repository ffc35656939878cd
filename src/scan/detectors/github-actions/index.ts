import type { Detector } from '../../core/detector.js';
import { powershellDetector } from '../powershell/index.js';
import { shellDetector } from '../shell/index.js';
import { detectGithubActions, GITHUB_ACTIONS_ECOSYSTEM } from './detect.js';
import { GITHUB_ACTIONS_RULES } from './rules.js';

const YAML = /\.ya?ml$/iu;

export const githubActionsDetector: Detector = {
  id: 'github-actions',
  ecosystem: GITHUB_ACTIONS_ECOSYSTEM,
  // Workflows are recognised by their content wherever they live (templates, samples, reusable workflows, action.yml).
  handles: (path, language) => language === 'yaml' || YAML.test(path),
  // Scripts in run: steps are parsed by the shell and PowerShell detectors: their words select a workflow too.
  triggers: [...new Set(['azure/login', 'azure/cli', 'azure/powershell', 'azure/arm-deploy', ...shellDetector.triggers, ...powershellDetector.triggers])],
  rules: GITHUB_ACTIONS_RULES,
  detect: detectGithubActions,
};
