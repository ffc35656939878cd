import type { Detector } from '../../core/detector.js';
import { powershellDetector } from '../powershell/index.js';
import { shellDetector } from '../shell/index.js';
import { AZURE_PIPELINES_ECOSYSTEM, detectAzurePipelines } from './detect.js';
import { AZURE_PIPELINES_RULES } from './rules.js';

const YAML = /\.ya?ml$/iu;
const GITHUB_WORKFLOW = /(?:^|\/)\.github\/workflows\//u;

export const azurePipelinesDetector: Detector = {
  id: 'azure-pipelines',
  ecosystem: AZURE_PIPELINES_ECOSYSTEM,
  // Pipelines and their templates can have any name: every YAML file outside GitHub workflows whose `steps:` hold tasks or scripts.
  handles: (path, language) => (language === 'yaml' || YAML.test(path)) && !GITHUB_WORKFLOW.test(path),
  triggers: [
    ...new Set([
      'azuresubscription', 'connectedservicename', 'azureresourcemanagerconnection', 'environmentservicenameazurerm', 'backendservicearm',
      ...shellDetector.triggers, ...powershellDetector.triggers,
    ]),
  ],
  rules: AZURE_PIPELINES_RULES,
  detect: detectAzurePipelines,
};
