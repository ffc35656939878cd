/**
 * `npm run build`, after tsc: bundles the compiled CLI (dist/cli/main.js and the modules it loads, with its libraries)
 * into dist/bundle/, which bin/unattended.js runs. Loading ~330 modules one file at a time, zod's, yaml's and
 * commander's among them, was 0.36 s of the 2 s `analyze` takes at a million sign-ins; as a few files, code-split per
 * command so that each command still loads only what it runs, it is 0.2 s.
 *
 * Every output file sits in dist/bundle/. A module that finds files beside itself through `import.meta.url`
 * (dist/web/app.js, the grammar packages) is given the URL of its tsc output instead, so that those paths resolve as
 * they do unbundled. The two worker entry points are bundled too, and the modules that start them keep the bundle's
 * own URL, so that `./analysis-worker.js` and `./scan-worker.js` resolve to the bundled workers.
 *
 * Left out of the bundle and loaded from node_modules: DuckDB (a native addon), web-tree-sitter and the grammars
 * (they load .wasm files beside their own code), @azure/* (loaded by `collect` only) and tsx (the loader the tests
 * give workers run from source).
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'bundle');

/** Compiled modules that start a worker from the file beside them: in the bundle, the bundled worker. */
const WORKER_STARTERS = new Set([join(DIST, 'engines', 'parallel', 'worker-source.js'), join(DIST, 'scan', 'core', 'worker-pool.js')]);
const ENTRIES = { main: join(DIST, 'cli', 'main.js'), 'analysis-worker': join(DIST, 'engines', 'parallel', 'analysis-worker.js'), 'scan-worker': join(DIST, 'scan', 'core', 'scan-worker.js') };
const EXTERNAL = ['@duckdb/node-api', 'web-tree-sitter', 'tree-sitter-*', '@tree-sitter-grammars/*', '@azure/*', 'tsx', 'tsx/*'];
/** CommonJS libraries inside an ES module bundle call `require` for Node's built-ins: give them one. */
const REQUIRE_SHIM = "import { createRequire as __unattendedCreateRequire } from 'node:module'; const require = __unattendedCreateRequire(import.meta.url);";

/** `import.meta.url` of a compiled module, written as its tsc output's URL relative to the bundle file it lands in. */
function compiledLocation(): Plugin {
  return {
    name: 'compiled-location',
    setup(context) {
      // esbuild's filters are Go regular expressions, which take no flags.
      context.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(DIST + sep) || args.path.startsWith(OUT + sep)) return undefined;
        const contents = await readFile(args.path, 'utf8');
        if (!contents.includes('import.meta.url') || WORKER_STARTERS.has(args.path)) return { contents, loader: 'js' };
        const fromBundle = relative(OUT, args.path).split(sep).join('/');
        return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
}

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: ENTRIES,
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build that requires its own files by computed paths; its "module" is plain ESM.
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  banner: { js: REQUIRE_SHIM },
  plugins: [compiledLocation()],
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`dist/bundle/: ${Object.keys(result.metafile.outputs).length} files, ${bytes.toLocaleString('en-US')} bytes\n`);
