/**
 * `npm run bench -- <name> [args]`: runs bench/<name>.ts, which measures one target beside its baseline
 * in the same run and prints ratios. Without a name, lists the benchmarks. `--quick` runs every one small (bench/quick.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.replace(/\.bench\.ts$/u, ''))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (name === '--quick') {
  const { runQuick } = await import('./quick.js');
  process.exit(runQuick(rest));
}
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [args], or npm run bench -- --quick [--record]\n`);
  process.exit(name ? 2 : 0);
}
const module: unknown = await import(pathToFileURL(join(here, `${name}.bench.ts`)).href);
if (typeof module !== 'object' || module === null || !('run' in module) || typeof module.run !== 'function') {
  process.stderr.write(`bench/${name}.bench.ts must export run(args: string[])\n`);
  process.exit(2);
}
await module.run(rest);
