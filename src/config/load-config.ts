import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { closestKey } from './closest-key.js';
import { unattendedConfigSchema, type UnattendedConfig } from './config-schema.js';
import { allowedKeysAt } from './schema-keys.js';
import { lineOf } from './yaml-positions.js';

const HINT = 'see docs/governance.md, or point your editor at schema/unattended.schema.json';

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/gu, '[');
}

interface Located {
  detail: string;
  path: readonly PropertyKey[];
  key: string | null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Reflect.get(value, segment);
  }
  return value;
}

/** A misspelt key explains the other issues it causes (the key it was meant to be is then missing): it goes first. */
function firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  return issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0];
}

/** The first problem zod found, as "key: what is wrong"; an unknown key is named with the key it most likely meant. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): Located {
  if (issue.code === 'unrecognized_keys') {
    const parent = keyPath(issue.path);
    const [first = ''] = issue.keys;
    const meant = closestKey(first, allowedKeysAt(unattendedConfigSchema, issue.path));
    const keys = issue.keys.map((key) => (parent ? `${parent}.${key}` : key));
    return { detail: `unknown key ${keys.join(', ')}${meant ? ` (did you mean ${meant}?)` : ''}`, path: issue.path, key: first };
  }
  const where = keyPath(issue.path) || '(top level)';
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) return { detail: `missing key ${where}`, path: issue.path, key: null };
  return { detail: `${where}: ${issue.message}`, path: issue.path, key: null };
}

/** Parse the text of an unattended.yaml; `file` names it in errors, with the line of the key at fault. */
export function parseConfig(text: string, file: string): UnattendedConfig {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const line = counter.linePos(syntax.pos[0]).line;
    const message = syntax.message.split('\n')[0] ?? '';
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${message}`, 'fix the YAML syntax at the line given');
  }
  const data: unknown = document.toJS();
  // An empty file is an empty configuration: every setting falls back to its default.
  if (data === null || data === undefined) return {};
  const result = unattendedConfigSchema.safeParse(data);
  if (!result.success) {
    const first = firstIssue(result.error.issues);
    if (!first) throw new ConfigError(`${file}: invalid`, HINT);
    const issue = describeIssue(first, data);
    const line = lineOf(document, counter, issue.path, issue.key);
    throw new ConfigError(`${file}${line === null ? '' : `:${line}`}: ${issue.detail}`, HINT);
  }
  return result.data;
}

/** A policy file as read: its settings, and its text (what a snapshot keeps as the record of who decided what). */
export interface LoadedPolicy {
  path: string;
  text: string;
  config: UnattendedConfig;
}

export function loadPolicy(path: string): LoadedPolicy {
  const text = readConfigText(path);
  return { path, text, config: parseConfig(text, path) };
}

/** Read and validate unattended.yaml. Throws ConfigError naming the file, the line and the key. */
export function loadConfig(path: string): UnattendedConfig {
  return parseConfig(readConfigText(path), path);
}

/** The text of a policy file, or a ConfigError saying why it cannot be read. */
export function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`${path}: cannot read the configuration (${reason})`, 'pass an existing unattended.yaml');
  }
}
