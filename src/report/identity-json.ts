import { z } from 'zod';
import { IDENTITY_CLASSES, VERDICTS, type IdentityAnalysis } from '../model/analysis.js';
import { ACTION_ORDER } from './presentation.js';
import { AUTH_METHODS } from './view-model/view-schemas.js';

/**
 * One identity of analysis.json, as the contract (DESIGN.md) defines it. Loose: a field the planner adds later (`plan`)
 * passes through to the views that show it.
 */
const identityJsonSchema = z.looseObject({
  id: z.string(),
  upn: z.string().nullable(),
  displayName: z.string(),
  kind: z.enum(['user', 'servicePrincipal', 'managedIdentity']),
  class: z.enum(IDENTITY_CLASSES),
  confidence: z.number(),
  evidence: z.array(z.object({ signal: z.string(), detail: z.string(), weight: z.number() })),
  verdict: z.enum(VERDICTS),
  breaksOn: z.string().nullable(),
  phase: z.string().nullable(),
  reasons: z.array(z.string()),
  automation: z.array(z.object({ file: z.string(), line: z.number(), authMethod: z.enum(AUTH_METHODS) })),
  recommendation: z.object({ action: z.enum(ACTION_ORDER), why: z.string() }),
  owner: z.string().nullable(),
  exception: z.string().nullable(),
});

/** An identity's analysis.json text (identityJsonText) back to the object. */
export function parseIdentityJson(text: Uint8Array | string): IdentityAnalysis {
  const value: unknown = JSON.parse(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
  return identityJsonSchema.parse(value);
}
