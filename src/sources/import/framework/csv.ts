/**
 * RFC 4180 CSV, read record by record with the line each record starts on, so a bad row can be
 * quarantined by line. Quoted fields may hold commas, doubled quotes and newlines. A quote left open
 * at the end of the text marks the last record as truncated instead of swallowing it silently.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record's text as it appears in the file. */
  raw: string;
  /** True when the text ended inside a quoted field. */
  truncated: boolean;
}

export function* csvRecords(text: string): Generator<CsvRecord> {
  let pos = 0;
  let line = 1;
  const length = text.length;
  while (pos < length) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let truncated = false;
    let ended = false;
    while (!ended) {
      if (pos >= length) {
        if (quoted) truncated = true;
        fields.push(field);
        break;
      }
      const c = text.charCodeAt(pos);
      if (quoted) {
        if (c === 34) {
          if (text.charCodeAt(pos + 1) === 34) {
            field += '"';
            pos += 2;
          } else {
            quoted = false;
            pos += 1;
          }
        } else {
          if (c === 10) line += 1;
          field += text[pos];
          pos += 1;
        }
        continue;
      }
      if (c === 34 && field.length === 0) {
        quoted = true;
        pos += 1;
      } else if (c === 44) {
        fields.push(field);
        field = '';
        pos += 1;
      } else if (c === 10 || c === 13) {
        fields.push(field);
        pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
        line += 1;
        ended = true;
      } else {
        field += text[pos];
        pos += 1;
      }
    }
    const raw = text.slice(start, pos).replace(/\r?\n$/, '');
    if (fields.length === 1 && fields[0] === '' && !truncated) continue;
    yield { line: startLine, fields, raw, truncated };
  }
}

/** One line as CSV fields (a header). */
export function parseCsvLine(line: string): string[] {
  for (const record of csvRecords(line)) return record.fields;
  return [];
}
