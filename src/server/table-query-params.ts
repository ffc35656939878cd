import { z } from 'zod';
import { IDENTITY_CLASSES, VERDICTS } from '../model/analysis.js';
import { SORT_KEYS, type TableQuery } from '../report/view-model/view-types.js';
import { MAX_PAGE_ROWS } from './dashboard-data.js';

/** The identity table's query as the dashboard's script sends it (web/src/data/remote-source.ts queryParams). */
const paramsSchema = z.object({
  q: z.string().max(1_000).default(''),
  class: z.enum(IDENTITY_CLASSES).or(z.literal('')).default(''),
  verdict: z.enum(VERDICTS).or(z.literal('')).default(''),
  phase: z.string().max(1_000).default(''),
  breaksOn: z.string().max(10).default(''),
  owner: z.string().max(1_000).default(''),
  sort: z.enum(SORT_KEYS).default('urgency'),
  desc: z.enum(['1']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(0).max(MAX_PAGE_ROWS).default(100),
});

export type PageRequest = { query: TableQuery; offset: number; limit: number } | { problem: string };

export function pageRequest(params: URLSearchParams): PageRequest {
  const parsed = paramsSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { problem: `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}` };
  }
  const { q, class: identityClass, verdict, phase, breaksOn, owner, sort, desc, offset, limit } = parsed.data;
  return { query: { text: q, class: identityClass, verdict, phase, breaksOn, owner, sort, descending: desc === '1' }, offset, limit };
}
