import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { AutomationFinding } from '../model/governance.js';

const AUTH_METHODS = ['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation'] as const;

/** The `scan --format json` contract as check reads it: lenient beyond what it needs (unknown keys pass). */
const scanJsonSchema = z.object({
  schemaVersion: z.literal(1),
  findings: z.array(
    z.looseObject({
      file: z.string().min(1),
      line: z.number().int().positive(),
      authMethod: z.enum(AUTH_METHODS),
      mfaImpact: z.enum(['breaks', 'needs-human', 'depends', 'safe']),
      identity: z.object({ kind: z.enum(['upn', 'client-id', 'secret-ref', 'env-var', 'connection']), value: z.string() }).nullable(),
      rule: z.string().min(1),
    }),
  ),
});

/** The breaking places in code (mfaImpact `breaks`) of a file `unattended scan --format json --out FILE` wrote. */
export function readBreakingFindings(path: string): AutomationFinding[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(`${path}: cannot read the scan findings (${reason})`, 'pass the file unattended scan --format json --out FILE wrote');
  }
  const parsed = scanJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${path}: not unattended scan JSON (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`, 'pass the file unattended scan --format json --out FILE wrote');
  }
  return parsed.data.findings
    .filter((finding) => finding.mfaImpact === 'breaks')
    .map((finding) => ({ file: finding.file, line: finding.line, rule: finding.rule, authMethod: finding.authMethod, identityKind: finding.identity?.kind ?? null, identityValue: finding.identity?.value ?? null }));
}
