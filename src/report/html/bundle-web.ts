import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';
import { z } from 'zod';

/** The front end's script and stylesheet, each inlined into a page and pinned by its hash. */
export interface WebAssets {
  script: string;
  styles: string;
}

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB_ENTRY = join(ROOT, 'web', 'src', 'main.ts');
const WEB_STYLES = join(ROOT, 'web', 'src', 'styles.css');
const CACHE = join(ROOT, 'node_modules', '.cache', 'unattended-web', 'bundle.json');

const versionSchema = z.object({ version: z.string() });
const cacheSchema = z.object({ key: z.string(), inputs: z.record(z.string(), z.string()), script: z.string(), styles: z.string() });

function versionOf(name: string): string {
  return versionSchema.parse(require(`${name}/package.json`)).version;
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the bundle depends on beyond its own files: the bundler's and the libraries' versions. */
function libraryKey(): string {
  return ['esbuild', 'echarts', 'zrender', 'zod'].map((name) => `${name}@${versionOf(name)}`).join(' ');
}

/**
 * web/ bundled with its part of ECharts into one minified script (esbuild, a dev dependency: `npm run build` runs
 * this once and dist/ ships the result). ASCII output, so the bytes hashed for the CSP are the bytes of the page
 * whatever its encoding; the licence comments are kept at the end, ECharts' as a banner.
 * Returns, besides the assets, the project files the script was made from (not node_modules) and their hashes.
 */
function bundle(): { assets: WebAssets; inputs: Record<string, string> } {
  // Required lazily: esbuild is a development dependency, absent where only dist/ is installed.
  const esbuild: typeof Esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [WEB_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    charset: 'ascii',
    legalComments: 'eof',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    // Apache-2.0 asks that the licence travel with the code; ECharts' own comments are not legal comments esbuild keeps.
    banner: { js: `/*! Apache ECharts ${versionOf('echarts')} | Apache License 2.0 | https://echarts.apache.org | https://www.apache.org/licenses/LICENSE-2.0 */` },
  });
  const css = readFileSync(WEB_STYLES, 'utf8');
  const styles = esbuild.transformSync(css, { loader: 'css', minify: true, charset: 'ascii' });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no script for web/src/main.ts');
  const inputs: Record<string, string> = { [WEB_STYLES]: sha256(css) };
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes('node_modules/')) continue;
    const path = resolve(ROOT, input);
    inputs[path] = sha256(readFileSync(path));
  }
  return { assets: { script: output.text, styles: styles.code }, inputs };
}

export function bundleWeb(): WebAssets {
  return bundle().assets;
}

/** The cached bundle if every file it was made from is unchanged, else null. */
function fromCache(key: string): WebAssets | null {
  try {
    const cached = cacheSchema.parse(JSON.parse(readFileSync(CACHE, 'utf8')));
    if (cached.key !== key) return null;
    for (const [path, hash] of Object.entries(cached.inputs)) if (sha256(readFileSync(path)) !== hash) return null;
    return { script: cached.script, styles: cached.styles };
  } catch {
    return null;
  }
}

/**
 * bundleWeb for runs from source (the tests start the CLI many times): the last bundle is kept under
 * node_modules/.cache and used again while none of its files has changed.
 */
export function cachedBundleWeb(): WebAssets {
  // The checkout is part of the key: worktrees made with hard-linked node_modules share this file, and another
  // checkout's bundle, checked against that checkout's unchanged files, would pass for this one's.
  const key = `${libraryKey()} ${ROOT}`;
  const cached = fromCache(key);
  if (cached) return cached;
  const { assets, inputs } = bundle();
  try {
    mkdirSync(dirname(CACHE), { recursive: true });
    // Written beside and renamed: processes bundling at once never read half a file.
    const partial = `${CACHE}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify({ key, inputs, ...assets }));
    renameSync(partial, CACHE);
  } catch {
    // A cache that cannot be written only costs the next run a bundle.
  }
  return assets;
}
