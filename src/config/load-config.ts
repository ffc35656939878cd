import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { unattendedConfigSchema, type UnattendedConfig } from './config-schema.js';

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/gu, '[');
}

/** The first problem zod found, as "key: what is wrong" — unknown keys are named one by one. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const parent = keyPath(issue.path);
    const keys = issue.keys.map((key) => (parent ? `${parent}.${key}` : key));
    return `unknown key ${keys.join(', ')}`;
  }
  const where = keyPath(issue.path) || '(top level)';
  return `${where}: ${issue.message}`;
}

/** Parse the text of an unattended.yaml; `file` names it in errors. */
export function parseConfig(text: string, file: string): UnattendedConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] ?? '' : String(error);
    throw new ConfigError(`${file}: not valid YAML: ${message}`, 'fix the YAML syntax at the line given');
  }
  // An empty file is an empty configuration: every setting falls back to its default.
  if (data === null || data === undefined) return {};
  const result = unattendedConfigSchema.safeParse(data);
  if (!result.success) {
    const [first] = result.error.issues;
    const detail = first ? describeIssue(first) : 'invalid';
    throw new ConfigError(`${file}: ${detail}`, 'allowed keys: tenant.id, enforcement.phase1, enforcement.phase2 (YYYY-MM-DD), breakGlass (list of UPNs or object IDs)');
  }
  return result.data;
}

/** Read and validate unattended.yaml. Throws ConfigError naming the file and the key. */
export function loadConfig(path: string): UnattendedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`${path}: cannot read the configuration (${reason})`, 'pass an existing unattended.yaml');
  }
  return parseConfig(text, path);
}
