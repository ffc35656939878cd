/**
 * `npm run bench -- scan [--files N] [--mb M] [--candidates-percent P] [--workers W]`: generates a tree of N files
 * (default 50,000, about M = 1,024 MB, P = 1% of them real sign-in automation), then, in the same run, measures
 * `unattended scan` (built JS, worker threads) beside ripgrep searching the same trigger words over the same tree
 * (case-insensitive, fixed strings, hidden files included, files-with-matches). Prints wall time, files/s, peak RSS
 * and the ratio (target ≤ 3× ripgrep, peak RSS < 1 GiB). The tree is kept in .bench/ and reused when unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DETECTORS } from '../src/scan/detectors/registry.js';
import { createPrefilter } from '../src/scan/core/prefilter.js';
import { formatMeasurement, measureCommand } from './measure.js';
import { reportRatios } from './ratios.js';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_DIR = resolve(ROOT, '.bench');

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number`);
  return value;
}

/** A small deterministic PRNG (mulberry32): the same options always generate the same tree. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = [
  'const', 'let', 'return', 'function', 'import', 'export', 'class', 'value', 'index', 'result', 'items', 'count', 'string', 'number',
  'object', 'array', 'module', 'render', 'props', 'state', 'config', 'options', 'request', 'response', 'handler', 'error', 'message',
  'print', 'lambda', 'yield', 'async', 'await', 'public', 'private', 'static', 'void', 'struct', 'package', 'build', 'test', 'assert',
  'expect', 'query', 'table', 'column', 'width', 'height', 'color', 'margin', 'padding', 'border', 'display', 'flex', 'grid', 'Lorem',
  'ipsum', 'dolor', 'sit', 'amet', 'data', 'path', 'file', 'read', 'write', 'open', 'close', 'stream', 'buffer', 'parse', 'format',
];
/** Noise extensions, weighted like an application repository (most handled by some detector, some not). */
const NOISE_EXTENSIONS = ['js', 'js', 'js', 'ts', 'ts', 'py', 'py', 'go', 'cs', 'java', 'json', 'json', 'md', 'md', 'txt', 'yml', 'html', 'css', 'sh', 'ps1'];

/** Real automation, one sign-in each (plus deployments), padded with noise to the average size. */
const CANDIDATES: readonly { ext: string; dir: string; text: string }[] = [
  { ext: 'sh', dir: 'scripts', text: '#!/usr/bin/env bash\nset -e\naz login -u "$SVC_USER" -p "$SVC_PASSWORD"\naz deployment group create -g rg -f main.bicep\n' },
  { ext: 'ps1', dir: 'runbooks', text: '$c = Get-AutomationPSCredential -Name "Svc"\nConnect-AzAccount -Credential $c\nNew-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile t.json\n' },
  { ext: 'yml', dir: '.github/workflows', text: 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@v2\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n      - run: az deployment group create -g rg -f main.bicep\n' },
  { ext: 'yml', dir: 'pipelines', text: 'steps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: prod\n      scriptType: bash\n      scriptLocation: inlineScript\n      inlineScript: az deployment group create -g rg -f main.bicep\n' },
  { ext: 'tf', dir: 'infra', text: 'provider "azurerm" {\n  features {}\n  use_msi = true\n}\n' },
  { ext: 'py', dir: 'tools', text: 'from azure.identity import UsernamePasswordCredential\ncredential = UsernamePasswordCredential(client_id, "svc@contoso.com", password)\n' },
];

function noise(next: () => number, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'value';
    const separator = next() < 0.12 ? '\n' : ' ';
    parts.push(word, separator);
    length += word.length + 1;
  }
  return parts.join('');
}

interface TreeSpec {
  files: number;
  bytes: number;
  candidates: number;
}

function generate(dir: string, spec: TreeSpec, triggers: readonly string[]): void {
  const marker = join(dir, '.tree.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(spec)) return;
  rmSync(dir, { recursive: true, force: true });
  const next = random(42);
  const average = spec.bytes / spec.files;
  // One pool of noise blocks, checked once against every trigger: noise must never look like automation.
  const prefilter = createPrefilter(triggers);
  const pool = Array.from({ length: 64 }, () => noise(next, Math.ceil(average * 2)));
  for (const block of pool) if (prefilter.match(block.toLowerCase()).size > 0) throw new Error('noise contains a trigger word');
  const every = Math.floor(spec.files / spec.candidates);
  let written = 0;
  for (let n = 0; n < spec.files; n += 1) {
    const repo = `repo-${String(Math.floor(n / 1000)).padStart(3, '0')}`;
    const size = Math.max(64, Math.floor(average * (0.25 + next() * 1.5)));
    const block = pool[n % pool.length] ?? '';
    const start = Math.floor(next() * (block.length - size));
    const filler = block.slice(Math.max(0, start), Math.max(0, start) + size);
    let path: string;
    let text: string;
    if (n % every === 0 && written < spec.candidates) {
      const candidate = CANDIDATES[written % CANDIDATES.length] ?? CANDIDATES[0];
      if (!candidate) throw new Error('no candidate templates');
      path = join(dir, repo, candidate.dir, `automation-${n}.${candidate.ext}`);
      // Padding as a comment (all candidate languages but YAML use #): same bytes as noise, no new sign-ins.
      text = candidate.ext === 'yml' ? candidate.text : `${candidate.text}# ${filler.replace(/\n/gu, ' ')}\n`;
      written += 1;
    } else {
      const ext = NOISE_EXTENSIONS[n % NOISE_EXTENSIONS.length] ?? 'txt';
      path = join(dir, repo, `module-${String(Math.floor((n % 1000) / 100))}`, `file-${n}.${ext}`);
      text = filler;
    }
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(marker, JSON.stringify(spec));
}

const findingsSchema = z.object({ findings: z.array(z.object({ file: z.string(), rule: z.string() })) });

export async function run(args: string[]): Promise<void> {
  const spec: TreeSpec = {
    files: option(args, '--files', 50_000),
    bytes: Math.round(option(args, '--mb', 1024) * 1024 * 1024),
    candidates: 0,
  };
  spec.candidates = Math.max(1, Math.round((spec.files * option(args, '--candidates-percent', 1)) / 100));
  const workerIndex = args.indexOf('--workers');
  const workers = workerIndex >= 0 ? args[workerIndex + 1] : undefined;
  const triggers = [...new Set([...DETECTORS.values()].flatMap((detector) => detector.triggers))].sort();
  const tree = join(BENCH_DIR, `scan-tree-${spec.files}-${Math.round(spec.bytes / 1024 / 1024)}mb`);
  mkdirSync(BENCH_DIR, { recursive: true });

  const started = Date.now();
  generate(tree, spec, triggers);
  process.stdout.write(`tree: ${tree} (${spec.files.toLocaleString('en-US')} files, ~${Math.round(spec.bytes / 1024 / 1024)} MB, ${spec.candidates} candidates; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  const build = spawnSync(process.execPath, [resolve(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', resolve(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  const bin = resolve(ROOT, 'bin', 'unattended.js');
  if (build.status !== 0) process.stdout.write(`note: tsc reported errors (exit ${build.status}); measuring the JS it emitted\n`);
  if (!existsSync(resolve(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js missing after the build');

  const rgArgs = ['--hidden', '--no-messages', '-i', '-l', '-F', ...triggers.flatMap((word) => ['-e', word]), tree];
  // Warm the page cache for both, unmeasured: the comparison is search work, not disk reads.
  spawnSync('rg', rgArgs, { stdio: 'ignore' });
  const rgList = spawnSync('rg', rgArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (rgList.error) throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');
  const rgFiles = rgList.stdout.split('\n').filter((line) => line.length > 0).length;

  const out = join(BENCH_DIR, 'scan-output.json');
  // Run from .bench so no default store is picked up: the benchmark measures scanning, not storing.
  process.chdir(BENCH_DIR);
  const rg = await measureCommand('ripgrep', 'rg', rgArgs);
  const scanArgs = [bin, 'scan', tree, '--format', 'json', '--out', out, ...(workers ? ['--workers', workers] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
  delete env['UNATTENDED_DB'];
  const scan = await measureCommand('unattended scan', process.execPath, scanArgs, env);
  const findings = existsSync(out) ? findingsSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).findings : [];
  const filesWithFindings = new Set(findings.map((finding) => finding.file)).size;

  const ratio = scan.wallSeconds / rg.wallSeconds;
  const lines = [
    formatMeasurement(rg),
    formatMeasurement(scan),
    `ripgrep: ${Math.round(spec.files / rg.wallSeconds).toLocaleString('en-US')} files/s, ${rgFiles} files matched (${triggers.length} trigger words)`,
    `unattended: ${Math.round(spec.files / scan.wallSeconds).toLocaleString('en-US')} files/s, ${findings.length} findings in ${filesWithFindings} files (${spec.candidates} candidates planted)`,
    `ratio: ${ratio.toFixed(2)}× ripgrep's wall time (target ≤ 3×) — ${ratio <= 3 ? 'met' : 'NOT met'}; peak RSS ${scan.peakRssMiB.toFixed(0)} MiB (target < 1024) — ${scan.peakRssMiB < 1024 ? 'met' : 'NOT met'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  reportRatios([{ name: `scan / ripgrep, wall, ${spec.files} files`, value: ratio, better: 'lower' }]);
  if (scan.exitCode !== 0) process.exitCode = 1;
}
