import type { Detector } from '../core/detector.js';
import { ansibleDetector } from './ansible/index.js';
import { bicepDetector } from './bicep/index.js';
import { azurePipelinesDetector } from './azure-pipelines/index.js';
import { configEnvDetector } from './config-env/index.js';
import { crossplaneDetector } from './crossplane/index.js';
import { githubActionsDetector } from './github-actions/index.js';
import { httpTokenDetector } from './http-token/index.js';
import { powershellDetector } from './powershell/index.js';
import { pulumiDetector } from './pulumi/index.js';
import { sdkDotnetDetector } from './sdk-dotnet/index.js';
import { sdkGoDetector } from './sdk-go/index.js';
import { sdkJavaDetector } from './sdk-java/index.js';
import { sdkJavascriptDetector } from './sdk-javascript/index.js';
import { sdkPythonDetector } from './sdk-python/index.js';
import { shellDetector } from './shell/index.js';
import { terraformDetector } from './terraform/index.js';

/**
 * Every detector, by id. Adding an ecosystem = one folder under src/scan/detectors/ + one line here.
 * Keep the entries sorted by id.
 */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([
  ['ansible', ansibleDetector],
  ['azure-pipelines', azurePipelinesDetector],
  ['bicep', bicepDetector],
  ['config-env', configEnvDetector],
  ['crossplane', crossplaneDetector],
  ['github-actions', githubActionsDetector],
  ['http-token', httpTokenDetector],
  ['powershell', powershellDetector],
  ['pulumi', pulumiDetector],
  ['sdk-dotnet', sdkDotnetDetector],
  ['sdk-go', sdkGoDetector],
  ['sdk-java', sdkJavaDetector],
  ['sdk-javascript', sdkJavascriptDetector],
  ['sdk-python', sdkPythonDetector],
  ['shell', shellDetector],
  ['terraform', terraformDetector],
]);
