import { LineCounter, parseDocument } from 'yaml';
import { lineOf } from './yaml-positions.js';

/** The line (1-based) of each entry of a policy file's lists, so a gate finding can point at the entry it is about. */
export interface PolicyLines {
  owners: number[];
  exceptions: number[];
  retirements: number[];
  /** The `owners:` key itself, where an identity without an owner would be added. */
  ownersKey: number | null;
}

function member(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' ? Reflect.get(data, key) : undefined;
}

function entryLines(document: ReturnType<typeof parseDocument>, counter: LineCounter, key: string): number[] {
  const list = member(document.toJS(), key);
  if (!Array.isArray(list)) return [];
  return list.map((_, index) => lineOf(document, counter, [key, index]) ?? 1);
}

/** Lines of a policy file already validated (parseConfig): nothing here can fail on it. */
export function policyLines(text: string): PolicyLines {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const hasOwners = member(document.toJS(), 'owners') !== undefined;
  return {
    owners: entryLines(document, counter, 'owners'),
    exceptions: entryLines(document, counter, 'exceptions'),
    retirements: entryLines(document, counter, 'retirements'),
    ownersKey: hasOwners ? lineOf(document, counter, [], 'owners') : null,
  };
}
