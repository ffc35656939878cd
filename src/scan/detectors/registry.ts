import type { Detector } from '../core/detector.js';
import { configEnvDetector } from './config-env/index.js';
import { shellDetector } from './shell/index.js';
import { terraformDetector } from './terraform/index.js';

/**
 * Every detector, by id. Adding an ecosystem = one folder under src/scan/detectors/ + one line here.
 * Keep the entries sorted by id.
 */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map<string, Detector>([
  ['config-env', configEnvDetector],
  ['shell', shellDetector],
  ['terraform', terraformDetector],
]);
