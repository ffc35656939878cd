/**
 * Spreadsheets run a cell that starts with = + - @ (or TAB/CR, which some strip before looking) as a formula:
 * `=HYPERLINK(...)` in a display name would become a live link or a DDE call in the auditor's Excel.
 * Such text cells get a leading single quote (OWASP's advice), which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

export type CsvValue = string | number | null;

/** One field: neutralised, then quoted per RFC 4180 when it holds a quote, comma or line break. Null is empty. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  // Numbers are ours (counts, confidences), never tenant text: a negative weight stays a number.
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One record and its CRLF. */
export function csvRecord(row: readonly CsvValue[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}

/** RFC 4180: CRLF after every record, the header included. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvRecord).join('');
}
