import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const tsxExportsSchema = z.object({ exports: z.object({ './esm/api': z.object({ import: z.object({ default: z.string() }) }) }) });

/** tsx's ESM API, as its package's exports map names it. */
function tsxEsmApi(): string {
  const manifest = require.resolve('tsx/package.json');
  const exported: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  const target = tsxExportsSchema.parse(exported).exports['./esm/api'].import.default;
  return join(dirname(manifest), target);
}

/**
 * What a Worker runs for the analysis: analysis-worker.js beside this module once built. Running from source (the
 * tests), it is analysis-worker.ts, which a worker thread cannot load by itself: a bootstrap registers the TypeScript
 * loader the tests run under (tsx, a dev dependency) in the new thread, then imports it.
 */
export function analysisWorkerSource(): { source: string | URL; eval: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./analysis-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return { source: url, eval: false };
  const loader = pathToFileURL(tsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return { source: bootstrap, eval: true };
}
