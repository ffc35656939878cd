import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { prerequisite } from './prerequisite.js';

/** Microsoft's sample exports, read in place beside the repository (never copied into it). */
export const SHARED_SAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'samples', 'entra-diagnostic-logs');

export const sharedSamples = prerequisite(existsSync(SHARED_SAMPLES), `../shared/samples not present at ${SHARED_SAMPLES} (a user clone)`);
