import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failWithoutPrerequisite } from '../../../test/helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from '../../../test/helpers/shared-samples.js';
import { generateDemo } from './index.js';
import type { DemoOutput } from './index.js';

const SAMPLES = SHARED_SAMPLES;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLines(text: string): Json[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): unknown => JSON.parse(line))
    .filter(isObject);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function keysInEvery(records: readonly Json[], pick: (record: Json) => Json): string[] {
  const [head, ...rest] = records.map((record) => new Set(Object.keys(pick(record))));
  if (!head) return [];
  return [...head].filter((key) => rest.every((keys) => keys.has(key))).sort();
}

function keysInAny(records: readonly Json[], pick: (record: Json) => Json): Set<string> {
  return new Set(records.flatMap((record) => Object.keys(pick(record))));
}

function properties(record: Json): Json {
  const p = record['properties'];
  return isObject(p) ? p : {};
}

const PAIRS = [
  ['sign_in_logs.jsonl', 'insights-logs-signinlogs'],
  ['non_interactive_user_sign_in_logs.jsonl', 'insights-logs-noninteractiveusersigninlogs'],
  ['service_principal_sign_in_logs.jsonl', 'insights-logs-serviceprincipalsigninlogs'],
  ['managed_identity_sign_in_logs.jsonl', 'insights-logs-managedidentitysigninlogs'],
] as const;

describe.skipIf(sharedSamples.skip)('demo records against real Entra exports', () => {
  failWithoutPrerequisite(sharedSamples);
  const root = mkdtempSync(join(tmpdir(), 'unattended-demo-shape-'));
  let output: DemoOutput;
  beforeAll(async () => {
    output = await generateDemo({ outDir: root, signIns: 0 });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(PAIRS)('%s: the demo has every field the real records always have, and no envelope field they lack', (sample, folder) => {
    const real = parseLines(readFileSync(join(SAMPLES, sample), 'utf8'));
    const demo = filesUnder(join(output.dataDir, folder)).flatMap((file) => parseLines(readFileSync(file, 'utf8')));
    expect(demo.length).toBeGreaterThan(0);
    const demoTop = keysInEvery(demo, (record) => record);
    const demoProperties = new Set(keysInEvery(demo, properties));
    expect(keysInEvery(real, (record) => record).filter((key) => !demoTop.includes(key))).toEqual([]);
    expect(keysInEvery(real, properties).filter((key) => !demoProperties.has(key))).toEqual([]);
    const realTop = keysInAny(real, (record) => record);
    // resultDescription is on failed sign-ins only, which these samples lack.
    expect([...keysInAny(demo, (record) => record)].filter((key) => !realTop.has(key) && key !== 'resultDescription')).toEqual([]);
    for (const record of demo) {
      expect(typeof record['resultType']).toBe('string');
      expect(typeof record['Level']).toBe('number');
      expect(String(properties(record)['createdDateTime']).endsWith('+00:00')).toBe(true);
    }
  });
});
