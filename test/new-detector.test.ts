import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { scaffoldDetector } from '../scripts/new-detector.js';
import type { Detector } from '../src/scan/core/detector.js';
import { runDetectorFixtures } from '../src/scan/core/fixture-harness.js';

const SRC = resolve(import.meta.dirname, '..', 'src');
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary src/scan/detectors/ whose ../core and ../../model are links to the real folders: the template's
 * relative imports resolve as in the repository, and nothing is written into src/. One per test, so none depends on another.
 */
function scratchDetectors(): string {
  const root = mkdtempSync(join(tmpdir(), 'unattended-scaffold-'));
  scratch.push(root);
  const detectors = join(root, 'src', 'scan', 'detectors');
  mkdirSync(detectors, { recursive: true });
  symlinkSync(join(SRC, 'scan', 'core'), join(root, 'src', 'scan', 'core'), 'dir');
  symlinkSync(join(SRC, 'model'), join(root, 'src', 'model'), 'dir');
  return detectors;
}

function isDetector(value: unknown): value is Detector {
  return (
    typeof value === 'object' && value !== null &&
    'id' in value && typeof value.id === 'string' &&
    'handles' in value && typeof value.handles === 'function' &&
    'detect' in value && typeof value.detect === 'function' &&
    'rules' in value && Array.isArray(value.rules) &&
    'triggers' in value && Array.isArray(value.triggers)
  );
}

describe('npm run new:detector', () => {
  it('creates a working detector folder whose annotated fixture passes the harness', async () => {
    const into = scratchDetectors();
    const result = scaffoldDetector('cloud-init', into);
    expect(result.dir).toBe(join(into, 'cloud-init'));
    expect(result.files.map((file) => relative(result.dir, file))).toEqual(['README.md', join('__fixtures__', 'example.cloud-init'), 'detect.ts', 'index.ts', 'rules.ts']);
    expect(result.registryLine).toBe("['cloud-init', cloudInitDetector],  // import { cloudInitDetector } from './cloud-init/index.js';");
    const module: unknown = await import(pathToFileURL(join(result.dir, 'index.ts')).href);
    const detector = typeof module === 'object' && module !== null && 'cloudInitDetector' in module ? module.cloudInitDetector : null;
    if (!isDetector(detector)) throw new Error('the scaffold does not export a Detector');
    expect(detector.rules.map((rule) => rule.id)).toEqual(['cloud-init/user-password']);
    const report = await runDetectorFixtures(detector, join(result.dir, '__fixtures__'), [detector]);
    expect(report.failures).toEqual([]);
    expect(report.counts).toEqual({ ruleid: 1, ok: 1, todoruleid: 0, todook: 0 });
  });

  it('refuses a name that is not kebab-case, and an existing folder', () => {
    const into = scratchDetectors();
    expect(() => scaffoldDetector('Bad_Name', into)).toThrow('detector names are kebab-case (got "Bad_Name")');
    expect(existsSync(join(into, 'Bad_Name'))).toBe(false);
    mkdirSync(join(into, 'cloud-init'));
    expect(() => scaffoldDetector('cloud-init', into)).toThrow(`${join(into, 'cloud-init')} already exists`);
  });
});
