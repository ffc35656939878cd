import type { KeyValue } from './view-types.js';

/**
 * `owner` and `exception` are named by the analysis contract and filled by governance, whose shapes are its to choose
 * (a name, or an object of facts). The views read them through here, whatever the shape:
 * a text is shown as it is, an object as its facts, so a view appears as soon as the data exists.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function factText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const items = value.map(scalarText).filter((item) => item !== null);
    return items.length > 0 ? items.join(', ') : null;
  }
  // A nested fact such as governance's matchedBy { kind, value } reads as "upn: svc@contoso.com".
  if (isRecord(value)) {
    const parts = Object.values(value).map(scalarText).filter((item) => item !== null && item !== '');
    return parts.length > 0 ? parts.join(': ') : null;
  }
  return scalarText(value);
}

/** "stageName" and "stage_name" read as "Stage name". */
function label(key: string): string {
  const words = key.replace(/(?<lower>[a-z0-9])(?<upper>[A-Z])/gu, '$<lower> $<upper>').replace(/[_-]+/gu, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The facts of a governance or plan field, each a label and a text; a text field is one fact under `name`. */
export function keyValues(value: unknown, name: string): KeyValue[] | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) {
    const text = factText(value);
    return text === null || text === '' ? null : [[name, text]];
  }
  const facts: KeyValue[] = [];
  for (const [key, fact] of Object.entries(value)) {
    const text = factText(fact);
    if (text !== null && text !== '') facts.push([label(key), text]);
  }
  return facts.length > 0 ? facts : null;
}

function firstText(value: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const text = scalarText(value[key]);
    if (text !== null && text !== '') return text;
  }
  return null;
}

/** The team that owns an identity: the owner text, or the team (else name) an owner object gives. */
export function ownerTeam(owner: unknown): string | null {
  if (typeof owner === 'string') return owner === '' ? null : owner;
  return isRecord(owner) ? firstText(owner, ['team', 'name', 'owner', 'id']) : null;
}

/** One line for an approved exception: its text, or its reason and expiry. */
export function exceptionSummary(exception: unknown): string | null {
  if (typeof exception === 'string') return exception === '' ? null : exception;
  if (!isRecord(exception)) return null;
  const reason = firstText(exception, ['reason', 'why', 'id']) ?? 'Exception';
  const expires = firstText(exception, ['expires', 'expiresOn', 'until']);
  return expires === null ? reason : `${reason} (until ${expires})`;
}
