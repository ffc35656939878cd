import type { EmbeddedDetailChunk, EmbeddedFacts } from './embedded-format.js';
import { AUTH_METHODS } from './view-schemas.js';
import type { IdentityDetail, KeyValue, TableRow } from './view-types.js';

function textAt(texts: readonly string[], position: number): string {
  return texts[position] ?? '';
}

function facts(texts: readonly string[], embedded: EmbeddedFacts): KeyValue[] | null {
  return embedded === null ? null : embedded.map(([key, value]) => [textAt(texts, key), textAt(texts, value)]);
}

/**
 * An identity's detail from the chunk that holds it (html/detail-chunks.ts wrote it), with its table row: what the
 * report's page reads from its details block and the dashboard's server from its store of chunks. Null when the chunk
 * has nothing at that position.
 */
export function detailFromChunk(row: TableRow, chunk: EmbeddedDetailChunk, position: number): IdentityDetail | null {
  const detail = chunk.details[position];
  if (!detail) return null;
  const { texts } = chunk;
  const [evidence, reasons, automation, why, hourOfWeek, plan, owner, exception] = detail;
  return {
    ...row,
    evidence: evidence.map(([signal, text, weight]) => ({ signal: textAt(texts, signal), detail: textAt(texts, text), weight })),
    reasons: reasons.map((reason) => textAt(texts, reason)),
    automationLinks: automation.map(([file, line, method]) => ({ file: textAt(texts, file), line, authMethod: AUTH_METHODS.find((known) => known === textAt(texts, method)) ?? 'ambient' })),
    why: textAt(texts, why),
    hourOfWeek,
    plan: facts(texts, plan),
    ownerDetail: facts(texts, owner),
    exceptionDetail: facts(texts, exception),
  };
}
