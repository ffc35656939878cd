/**
 * The fake's reading of the $filter expressions collect sends: comparisons (`eq`, `ge`, `le`) of a property with a
 * quoted string or a bare instant, a lambda `signInEventTypes/any(t: t eq 'x')`, joined by `and` / `or`. Anything else
 * is a 400, as Graph answers a filter it does not support.
 */
export interface Comparison {
  property: string;
  op: 'eq' | 'ge' | 'le';
  value: string;
}

export interface ParsedFilter {
  comparisons: Comparison[];
  /** Values a lambda `collection/any(t: t eq 'v')` asks for, by collection. */
  any: Map<string, string[]>;
  joiner: 'and' | 'or' | null;
}

const TOKEN = /\s*(?:(?<string>'(?:[^']|'')*')|(?<instant>\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)|(?<punct>[():])|(?<word>[A-Za-z0-9_./+-]+))/uy;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match?.groups) {
      if (text.slice(start).trim() === '') break;
      throw new Error(`cannot read the filter at ${start}`);
    }
    out.push(match.groups['string'] ?? match.groups['instant'] ?? match.groups['punct'] ?? match.groups['word'] ?? '');
  }
  return out;
}

function unquote(token: string): string {
  return token.startsWith("'") ? token.slice(1, -1).replaceAll("''", "'") : token;
}

export function parseFilter(text: string): ParsedFilter {
  const list = tokens(text);
  const parsed: ParsedFilter = { comparisons: [], any: new Map(), joiner: null };
  let index = 0;
  const take = (): string => {
    const token = list[index];
    if (token === undefined) throw new Error('the filter ends too soon');
    index += 1;
    return token;
  };
  const expect = (wanted: string): void => {
    const token = take();
    if (token !== wanted) throw new Error(`expected ${wanted}, got ${token}`);
  };
  while (index < list.length) {
    const subject = take();
    const lambda = /^(?<collection>[A-Za-z]+)\/any$/u.exec(subject);
    if (lambda?.groups) {
      // collection/any ( t : t eq 'value' )
      expect('(');
      const variable = take();
      expect(':');
      expect(variable);
      expect('eq');
      const value = unquote(take());
      expect(')');
      const collection = lambda.groups['collection'] ?? '';
      parsed.any.set(collection, [...(parsed.any.get(collection) ?? []), value]);
    } else {
      const op = take();
      if (op !== 'eq' && op !== 'ge' && op !== 'le') throw new Error(`unsupported operator ${op}`);
      parsed.comparisons.push({ property: subject, op, value: unquote(take()) });
    }
    if (index < list.length) {
      const joiner = take();
      if (joiner !== 'and' && joiner !== 'or') throw new Error(`unsupported joiner ${joiner}`);
      if (parsed.joiner !== null && parsed.joiner !== joiner) throw new Error('mixed and/or');
      parsed.joiner = joiner;
    }
  }
  return parsed;
}

/** The [from, to] range (epoch ms) a filter sets on `property` with ge/le; open ends are infinite. */
export function timeRange(filter: ParsedFilter, property: string): { from: number; to: number } {
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  for (const comparison of filter.comparisons) {
    if (comparison.property !== property) continue;
    const ms = Date.parse(comparison.value);
    if (Number.isNaN(ms)) throw new Error(`not an instant: ${comparison.value}`);
    if (comparison.op === 'ge') from = Math.max(from, ms);
    if (comparison.op === 'le') to = Math.min(to, ms);
  }
  return { from, to };
}
