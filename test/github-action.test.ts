import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from './helpers/cli-process.js';

/**
 * The root action.yml, run the way a runner runs it: each `run:` step through bash with its `env:` (expressions of
 * inputs, github.action_path and runner.temp filled in), its `if:` evaluated, its outputs read from $GITHUB_OUTPUT.
 * The `uses:` steps (setup-node, the SARIF upload) are GitHub's own: the test checks what they would be given. The
 * action's CLI is this source tree (a shim in the action folder runs it through tsx), so no build is needed.
 */
const stepSchema = z.object({
  name: z.string(),
  id: z.string().optional(),
  if: z.string().optional(),
  uses: z.string().optional(),
  shell: z.literal('bash').optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  run: z.string().optional(),
});
const actionSchema = z.object({
  name: z.string(),
  inputs: z.record(z.string(), z.object({ description: z.string(), default: z.string() })),
  outputs: z.record(z.string(), z.object({ description: z.string(), value: z.string() })),
  runs: z.object({ using: z.literal('composite'), steps: z.array(stepSchema) }),
});
type Step = z.infer<typeof stepSchema>;

const action = actionSchema.parse(parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'unattended-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Context {
  inputs: Record<string, string>;
  outputs: Map<string, Record<string, string>>;
  actionPath: string;
  temp: string;
}

function value(expression: string, context: Context): string {
  const path = expression.trim();
  const literal = /^'(?<text>[^']*)'$/u.exec(path);
  if (literal?.groups) return literal.groups['text'] ?? '';
  const input = /^inputs\.(?<name>[\w-]+)$/u.exec(path);
  if (input?.groups) return context.inputs[input.groups['name'] ?? ''] ?? '';
  const output = /^steps\.(?<step>[\w-]+)\.outputs\.(?<name>[\w-]+)$/u.exec(path);
  if (output?.groups) return context.outputs.get(output.groups['step'] ?? '')?.[output.groups['name'] ?? ''] ?? '';
  if (path === 'github.action_path') return context.actionPath;
  if (path === 'runner.temp') return context.temp;
  throw new Error(`the test cannot evaluate \${{ ${path} }}: extend it`);
}

/** The `if:` forms action.yml uses: always(), and comparisons joined by &&. */
function holds(condition: string | undefined, context: Context): boolean {
  if (condition === undefined) return true;
  const inner = /^\$\{\{(?<body>.*)\}\}$/su.exec(condition.trim())?.groups?.['body'] ?? condition;
  return inner.split('&&').every((term) => {
    const trimmed = term.trim();
    if (trimmed === 'always()') return true;
    const comparison = /^(?<left>.+?)\s*(?<op>==|!=)\s*(?<right>.+)$/u.exec(trimmed);
    if (!comparison?.groups) throw new Error(`the test cannot evaluate if: ${trimmed}`);
    const equal = value(comparison.groups['left'] ?? '', context) === value(comparison.groups['right'] ?? '', context);
    return comparison.groups['op'] === '==' ? equal : !equal;
  });
}

function filled(text: string, context: Context): string {
  return text.replace(/\$\{\{(?<body>[^}]*)\}\}/gu, (_match, body: string) => value(body, context));
}

function bash(script: string, env: Record<string, string>, cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

interface Ran {
  /** Each step's name and what happened: skipped, uses (with its inputs), or the exit status of its script. */
  steps: { name: string; outcome: string }[];
  outputs: Map<string, Record<string, string>>;
  summary: string;
  log: string;
}

/** A folder laid out like an action checkout, whose bin/unattended.js runs this source tree. */
function actionFolder(): string {
  const folder = join(work, 'action');
  mkdirSync(join(folder, 'bin'), { recursive: true });
  mkdirSync(join(folder, 'dist', 'cli'), { recursive: true });
  // The install step skips `npm ci` when dist/cli/main.js is there; bin/ is ESM, as in the package.
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(folder, 'dist', 'cli', 'main.js'), '');
  writeFileSync(join(folder, 'bin', 'unattended.js'), `await import(${JSON.stringify(pathToFileURL(resolve(REPO_ROOT, 'test', 'fixtures', 'import', 'run-cli.ts')).href)});\n`);
  return folder;
}

async function runAction(workspace: string, inputs: Record<string, string>): Promise<Ran> {
  const temp = mkdtempSync(join(work, 'runner-temp-'));
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const context: Context = {
    inputs: { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...inputs },
    outputs: new Map(), actionPath: actionFolder(), temp,
  };
  const tsx = pathToFileURL(resolve(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const ran: Ran = { steps: [], outputs: context.outputs, summary: '', log: '' };
  let failed = false;
  for (const [index, step] of action.runs.steps.entries()) {
    // A step without if: runs only while nothing failed (GitHub's success()); always() runs regardless.
    const runs = step.if === undefined ? !failed : (failed ? step.if.includes('always()') : true) && holds(step.if, context);
    if (!runs) {
      ran.steps.push({ name: step.name, outcome: 'skipped' });
      continue;
    }
    if (step.uses !== undefined) {
      ran.steps.push({ name: step.name, outcome: `uses ${step.uses} ${JSON.stringify(Object.fromEntries(Object.entries(step.with ?? {}).map(([key, raw]) => [key, filled(String(raw), context)])))}` });
      continue;
    }
    ran.steps.push(await runStep(step, index, context, { GITHUB_STEP_SUMMARY: summaryFile, NODE_OPTIONS: `--import ${tsx}`, CI: '1' }, workspace, ran));
    if (ran.steps.at(-1)?.outcome !== 'exit 0') failed = true;
  }
  ran.summary = readFileSync(summaryFile, 'utf8');
  return ran;
}

async function runStep(step: Step, index: number, context: Context, base: Record<string, string>, workspace: string, ran: Ran): Promise<{ name: string; outcome: string }> {
  const outputFile = join(context.temp, `output-${index}`);
  writeFileSync(outputFile, '');
  const env = { ...base, GITHUB_OUTPUT: outputFile, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, raw]) => [key, filled(raw, context)])) };
  const result = await bash(step.run ?? '', env, workspace);
  ran.log += result.output;
  if (step.id !== undefined) {
    const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    context.outputs.set(step.id, outputs);
  }
  return { name: step.name, outcome: `exit ${result.status ?? 'signal'}` };
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const sarifSchema = z.object({
  runs: z.array(z.object({ results: z.array(z.object({ ruleId: z.string(), locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) })) })) })),
});

describe('action.yml, run as a runner would', () => {
  const repo = join(work, 'repo');
  mkdirSync(join(repo, 'jobs'), { recursive: true });
  writeFileSync(join(repo, 'jobs', 'rotate.sh'), '#!/bin/bash\naz login -u svc-rotate@contoso.com -p "$ROTATE_PASSWORD"\naz vm list\n');

  it('fails the job on breaking code no exception covers, with the SARIF for code scanning and a job summary', async () => {
    writeFileSync(join(repo, 'unattended.yaml'), 'owners:\n  - path: "jobs/**"\n    owner: { team: Compute }\n');
    const ran = await runAction(repo, {});
    expect(ran.steps).toEqual([
      { name: 'Set up Node.js', outcome: 'uses actions/setup-node@v4 {"node-version":"20"}' },
      { name: 'Install unattended', outcome: 'exit 0' },
      { name: 'Scan the repository', outcome: 'exit 0' },
      { name: 'Check the governance gate', outcome: 'exit 0' },
      { name: 'Upload to code scanning', outcome: `uses github/codeql-action/upload-sarif@v3 {"sarif_file":${JSON.stringify(ran.outputs.get('check')?.['sarif-file'])},"category":"unattended-check"}` },
      { name: 'Fail when the gate failed', outcome: 'exit 1' },
    ]);
    expect(ran.outputs.get('check')?.['passed']).toBe('false');
    const sarif = sarifSchema.parse(JSON.parse(readFileSync(ran.outputs.get('check')?.['sarif-file'] ?? '', 'utf8')));
    expect(sarif.runs[0]?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['breaking-automation-not-excepted', 'jobs/rotate.sh', 2],
    ]);
    expect(ran.summary.split('\n')[0]).toBe('### ❌ unattended check failed: 1 problem');
  }, 120_000);

  it('passes once an approved exception covers it, and still uploads the SARIF', async () => {
    writeFileSync(
      join(repo, 'unattended.yaml'),
      `owners:\n  - path: "jobs/**"\n    owner: { team: Compute }\nexceptions:\n  - path: "jobs/rotate.sh"\n    reason: moves to a managed identity\n    approver: lead@contoso.com\n    created: ${day(-1)}\n    expires: ${day(30)}\n`,
    );
    const ran = await runAction(repo, {});
    expect(ran.steps.map((step) => [step.name, step.outcome.split(' {')[0]])).toEqual([
      ['Set up Node.js', 'uses actions/setup-node@v4'],
      ['Install unattended', 'exit 0'],
      ['Scan the repository', 'exit 0'],
      ['Check the governance gate', 'exit 0'],
      ['Upload to code scanning', 'uses github/codeql-action/upload-sarif@v3'],
      ['Fail when the gate failed', 'skipped'],
    ]);
    expect(ran.outputs.get('check')?.['passed']).toBe('true');
    expect(sarifSchema.parse(JSON.parse(readFileSync(ran.outputs.get('check')?.['sarif-file'] ?? '', 'utf8'))).runs[0]?.results).toEqual([]);
    expect(ran.summary.split('\n')[0]).toBe('### ✅ unattended check passed');
  }, 120_000);

  it('takes inputs only through the environment: no ${{ inputs.* }} inside a script', () => {
    const scripts = action.runs.steps.map((step) => step.run ?? '').join('\n');
    expect(scripts).not.toMatch(/\$\{\{/u);
  });
});
