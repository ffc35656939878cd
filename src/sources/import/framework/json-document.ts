/**
 * A tolerant reader of JSON documents that hold records: a top-level array, or an object whose
 * `value` (Graph pages), `records` (Event Hubs) or `data` (Resource Graph) member is the array.
 * It finds each record's text and line without parsing the whole file, so one bad record is
 * quarantined on its own, and a truncated file still yields every record before the cut.
 */
export interface JsonElement {
  text: string;
  line: number;
}

export interface JsonDocument {
  /** The records, in file order. */
  elements: JsonElement[];
  /** Top-level members other than the record array (e.g. `@odata.context`), parsed when they parse. */
  meta: Record<string, unknown>;
  /** The member the records came from, '' for a top-level array, null for a lone object. */
  arrayKey: string | null;
  /** Set when the file ends inside a record or the document: that text, and the line it starts on. */
  truncated: JsonElement | null;
  /** Text after the document that is not whitespace. */
  trailing: JsonElement | null;
}

const RECORD_ARRAY_KEYS = new Set(['value', 'records', 'data']);

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

class Cursor {
  pos = 0;
  private lineAt = 0;
  private line = 1;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos += 1;
  }

  /** The 1-based line of `offset`; offsets asked for only grow. */
  lineOf(offset: number): number {
    for (let i = this.lineAt; i < offset; i += 1) if (this.text.charCodeAt(i) === 10) this.line += 1;
    this.lineAt = Math.max(this.lineAt, offset);
    return this.line;
  }

  /** Move past one JSON value (structure only: brackets and strings); false if the text ends first. */
  skipValue(): boolean {
    const text = this.text;
    let depth = 0;
    let i = this.pos;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i += 1;
        while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
        if (i >= text.length) return false;
        i += 1;
        if (depth === 0) break;
      } else if (c === 123 || c === 91) {
        depth += 1;
        i += 1;
      } else if (c === 125 || c === 93) {
        if (depth === 0) break;
        depth -= 1;
        i += 1;
        if (depth === 0) break;
      } else if (depth === 0 && (c === 44 || isSpace(c))) {
        break;
      } else {
        i += 1;
      }
    }
    if (depth > 0) return false;
    // A value that consumed nothing (a stray ':' at depth 0) still moves on, so scanning always ends.
    this.pos = i === this.pos ? i + 1 : i;
    return true;
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function readJsonDocument(text: string): JsonDocument {
  const doc: JsonDocument = { elements: [], meta: {}, arrayKey: null, truncated: null, trailing: null };
  const cursor = new Cursor(text);
  cursor.skipSpace();
  const first = text.charCodeAt(cursor.pos);
  if (first === 91) {
    doc.arrayKey = '';
    readArray(cursor, doc);
  } else if (first === 123) {
    readObject(cursor, doc);
  } else if (cursor.pos < text.length) {
    const start = cursor.pos;
    doc.trailing = { text: text.slice(start), line: cursor.lineOf(start) };
    return doc;
  }
  cursor.skipSpace();
  if (doc.truncated === null && cursor.pos < text.length) {
    doc.trailing = { text: text.slice(cursor.pos), line: cursor.lineOf(cursor.pos) };
  }
  return doc;
}

function readArray(cursor: Cursor, doc: JsonDocument): void {
  const text = cursor.text;
  cursor.pos += 1;
  for (;;) {
    cursor.skipSpace();
    if (cursor.pos >= text.length) {
      doc.truncated = { text: '', line: cursor.lineOf(cursor.pos) };
      return;
    }
    if (text.charCodeAt(cursor.pos) === 93) {
      cursor.pos += 1;
      return;
    }
    const start = cursor.pos;
    if (!cursor.skipValue()) {
      doc.truncated = { text: text.slice(start), line: cursor.lineOf(start) };
      cursor.pos = text.length;
      return;
    }
    doc.elements.push({ text: text.slice(start, cursor.pos), line: cursor.lineOf(start) });
    cursor.skipSpace();
    const next = text.charCodeAt(cursor.pos);
    if (next === 44) cursor.pos += 1;
    else if (next === 93) {
      cursor.pos += 1;
      return;
    } else if (cursor.pos >= text.length) {
      doc.truncated = { text: '', line: cursor.lineOf(cursor.pos) };
      return;
    }
    // Anything else (a missing comma) is left for the next element, which then fails to parse on its own.
  }
}

function readObject(cursor: Cursor, doc: JsonDocument): void {
  const text = cursor.text;
  const objectStart = cursor.pos;
  let closed = false;
  cursor.pos += 1;
  for (;;) {
    cursor.skipSpace();
    if (cursor.pos >= text.length) break;
    const c = text.charCodeAt(cursor.pos);
    if (c === 125) {
      cursor.pos += 1;
      closed = true;
      break;
    }
    if (c === 44) {
      cursor.pos += 1;
      continue;
    }
    const keyStart = cursor.pos;
    if (!cursor.skipValue()) break;
    const key = tryParse(text.slice(keyStart, cursor.pos));
    cursor.skipSpace();
    if (text.charCodeAt(cursor.pos) === 58) cursor.pos += 1;
    cursor.skipSpace();
    if (typeof key === 'string' && RECORD_ARRAY_KEYS.has(key) && doc.arrayKey === null && text.charCodeAt(cursor.pos) === 91) {
      doc.arrayKey = key;
      readArray(cursor, doc);
      if (doc.truncated) return;
      continue;
    }
    const valueStart = cursor.pos;
    if (!cursor.skipValue()) break;
    if (typeof key === 'string') doc.meta[key] = tryParse(text.slice(valueStart, cursor.pos));
  }
  if (doc.arrayKey !== null) {
    if (!closed) doc.truncated = { text: '', line: cursor.lineOf(cursor.pos) };
    return;
  }
  // No record array: the object itself is the one record (a lone policy, a single wrapper-less record).
  doc.meta = {};
  const whole = text.slice(objectStart, cursor.pos);
  if (!closed) doc.truncated = { text: whole, line: cursor.lineOf(objectStart) };
  else doc.elements.push({ text: whole, line: cursor.lineOf(objectStart) });
}
