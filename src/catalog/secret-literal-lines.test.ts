import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAnnotations } from '../scan/core/fixture-harness.js';
import { secretLiteralIn, secretLiteralLines } from './secret-literal-lines.js';
import { SECRET_LITERAL_PATTERNS } from './secret-literal-patterns.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/secret-literals/', import.meta.url));

/**
 * Annotated fixtures, one per language: `ruleid: secret-literal/<kind>` before a line that must hold that kind of
 * secret literal, `ok: secret-literal/<kind>` before one that must hold none, `todoruleid:` / `todook:` for known misses
 * and false positives (they fail once no longer true). Every flagged line must be annotated.
 */
function check(file: string): { problems: string[]; counts: Record<string, number> } {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const lines = text.split('\n');
  const kinds = secretLiteralLines(lines);
  const { annotations, failures } = parseAnnotations(file, text);
  const problems = failures.map((failure) => `${file}:${failure.line}: ${failure.problem}`);
  const counts: Record<string, number> = { ruleid: 0, ok: 0, todoruleid: 0, todook: 0 };
  for (const annotation of annotations) {
    counts[annotation.kind] = (counts[annotation.kind] ?? 0) + 1;
    const expected = annotation.rule.replace(/^secret-literal\//u, '');
    const found = kinds[annotation.line - 1] ?? null;
    const at = `${file}:${annotation.line}`;
    if (annotation.kind === 'ruleid' && found !== expected) problems.push(`${at}: expected ${expected}, found ${found ?? 'nothing'}`);
    if (annotation.kind === 'ok' && found !== null) problems.push(`${at}: expected nothing, found ${found}`);
    if (annotation.kind === 'todoruleid' && found !== null) problems.push(`${at}: todoruleid now found (${found}): promote it`);
    if (annotation.kind === 'todook' && found === null) problems.push(`${at}: todook no longer found: promote it`);
  }
  const expectedFlagged = new Set(annotations.filter((annotation) => annotation.kind === 'ruleid' || annotation.kind === 'todook').map((annotation) => annotation.line));
  kinds.forEach((kind, index) => {
    if (kind !== null && !expectedFlagged.has(index + 1)) problems.push(`${file}:${index + 1}: unannotated ${kind}`);
  });
  return { problems, counts };
}

describe('secret literal lines: the annotated fixtures', () => {
  const files = readdirSync(FIXTURES).sort();

  it('has a fixture per language the patches touch', () => {
    expect(files).toEqual(['app.py', 'keys.txt', 'login.sh', 'main.tf', 'pipeline.yml', 'runbook.ps1', 'settings.env']);
  });

  it('flags exactly the annotated lines, with their kind', () => {
    const results = files.map(check);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
    const total = (kind: string): number => results.reduce((sum, result) => sum + (result.counts[kind] ?? 0), 0);
    expect({ ruleid: total('ruleid'), ok: total('ok'), todoruleid: total('todoruleid'), todook: total('todook') }).toEqual({ ruleid: 31, ok: 40, todoruleid: 2, todook: 1 });
  });

  it('covers every kind, and every pattern finds a line of the fixtures', () => {
    const all = files.flatMap((file) => readFileSync(join(FIXTURES, file), 'utf8').split('\n'));
    const kinds = new Set(secretLiteralLines(all));
    expect([...kinds].filter((kind) => kind !== null).sort()).toEqual(['certificate', 'client-secret', 'connection-string', 'jwt', 'password', 'personal-access-token']);
    const unused = SECRET_LITERAL_PATTERNS.filter((entry) => !all.some((line) => [...line.matchAll(entry.pattern)].length > 0)).map((entry) => entry.id);
    expect(unused).toEqual([]);
  });
});

describe('the secret literal patterns', () => {
  it('are global, named once, each with the source of the shape it recognises', () => {
    expect(SECRET_LITERAL_PATTERNS.filter((entry) => !entry.pattern.global || !z.url().safeParse(entry.source).success).map((entry) => entry.id)).toEqual([]);
    expect(new Set(SECRET_LITERAL_PATTERNS.map((entry) => entry.id)).size).toBe(SECRET_LITERAL_PATTERNS.length);
  });
});

describe('secretLiteralIn', () => {
  it('finds a literal after a reference on the same line', () => {
    expect(secretLiteralIn(`az login -u "$U" -p "$PW" && export AZURE_PASSWORD='x9'`)).toBe('password');
  });

  it('takes a reference for what it is, wherever it comes on the line', () => {
    expect(secretLiteralIn(`${'password=$P '.repeat(20_000)}${'eyJa. '.repeat(20_000)}`)).toBeNull();
  });
});

describe('secretLiteralLines', () => {
  it('holds a PEM block from BEGIN to END, and only there', () => {
    const lines = ['key = <<EOT', '-----BEGIN PRIVATE KEY-----', 'RmFrZS1wcml2YXRlLWtleQ==', 'RmFrZS0y', '-----END PRIVATE KEY-----', 'EOT', 'location = "westeurope"'];
    expect(secretLiteralLines(lines)).toEqual([null, 'certificate', 'certificate', 'certificate', 'certificate', null, null]);
  });

  it('holds the rest of the file when a PEM block has no END', () => {
    expect(secretLiteralLines(['-----BEGIN CERTIFICATE-----', 'RmFrZQ==', 'x = 1'])).toEqual(['certificate', 'certificate', 'certificate']);
  });

  it('reads a one-line PEM (escaped newlines) as that line alone', () => {
    expect(secretLiteralLines(['{ "pem": "-----BEGIN CERTIFICATE-----\\nRmFrZQ==\\n-----END CERTIFICATE-----" }', 'x = 1'])).toEqual(['certificate', null]);
  });
});
