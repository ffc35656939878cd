import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldDetector } from '../scripts/new-detector.js';
import type { Detector } from '../src/scan/core/detector.js';
import { runDetectorFixtures } from '../src/scan/core/fixture-harness.js';

// A sibling of src/scan/detectors, so the template's relative imports resolve without touching the registry.
const into = resolve(import.meta.dirname, '..', 'src', 'scan', '_scaffold-test');
afterAll(() => rmSync(into, { recursive: true, force: true }));

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
    const result = scaffoldDetector('cloud-init', into);
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
    expect(() => scaffoldDetector('Bad_Name', into)).toThrow('detector names are kebab-case (got "Bad_Name")');
    expect(() => scaffoldDetector('cloud-init', into)).toThrow('already exists');
  });
});
