/**
 * `npm run new:detector -- <name> [--into DIR]`: copies scripts/detector-template/ to src/scan/detectors/<name>/
 * (or DIR/<name>), naming things after the detector, and prints the registry line to add.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TEMPLATE = resolve(import.meta.dirname, 'detector-template');
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;

export interface ScaffoldResult {
  dir: string;
  files: string[];
  registryLine: string;
}

function words(name: string): string[] {
  return name.split('-');
}

/** Copies the template for `name` into `into/<name>`; refuses an existing folder or a name that is not kebab-case. */
export function scaffoldDetector(name: string, into: string): ScaffoldResult {
  if (!NAME.test(name)) throw new Error(`detector names are kebab-case (got "${name}")`);
  const dir = join(into, name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const pascal = words(name).map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
  const camel = pascal[0]?.toLowerCase() + pascal.slice(1);
  const constant = words(name).join('_').toUpperCase();
  const fill = (text: string): string => text.replaceAll('__PASCAL__', pascal).replaceAll('__CAMEL__', camel).replaceAll('__CONST__', constant).replaceAll('__NAME__', name);
  const files: string[] = [];
  const copy = (from: string, to: string): void => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        copy(join(from, entry.name), join(to, entry.name));
        continue;
      }
      const target = join(to, fill(entry.name.replace(/\.tmpl$/u, '')));
      writeFileSync(target, fill(readFileSync(join(from, entry.name), 'utf8')));
      files.push(target);
    }
  };
  copy(TEMPLATE, dir);
  return { dir, files: files.sort(), registryLine: `['${name}', ${camel}Detector],  // import { ${camel}Detector } from './${name}/index.js';` };
}

function main(args: readonly string[]): void {
  const [name] = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--into');
  const intoIndex = args.indexOf('--into');
  const into = intoIndex >= 0 ? resolve(args[intoIndex + 1] ?? '.') : resolve(ROOT, 'src', 'scan', 'detectors');
  if (!name) {
    process.stderr.write('usage: npm run new:detector -- <name> [--into DIR]\n');
    process.exitCode = 2;
    return;
  }
  try {
    const result = scaffoldDetector(name, into);
    process.stdout.write(`created ${relative(ROOT, result.dir)}/ (${result.files.length} files)\nadd to src/scan/detectors/registry.ts (sorted by id):\n  ${result.registryLine}\n`);
  } catch (error) {
    process.stderr.write(`new-detector: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'new-detector.ts')) main(process.argv.slice(2));
