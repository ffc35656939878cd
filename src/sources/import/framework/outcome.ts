import { z } from 'zod';
import type { NormalisedRecord } from './file-batch.js';

/** What normalising one record gives: a record to store, or the reason it goes to quarantine. */
export type Outcome = { ok: true; record: NormalisedRecord } | { ok: false; reason: string };

export function rejected(reason: string): Outcome {
  return { ok: false, reason };
}

export function accepted(record: NormalisedRecord): Outcome {
  return { ok: true, record };
}

/** zod's first issue as a one-line quarantine reason: 'id: expected string'. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Every record must carry its own ID: that is what makes re-imports idempotent. */
export const idField = z.string().trim().min(1, 'missing id');
