/** A text as a SQL string literal (single quotes doubled), for SQL built from catalog facts and generated IDs. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Values as the inside of a SQL IN (…) list: numbers as they are, texts as string literals. */
export function sqlList(values: readonly (string | number)[]): string {
  return values.map((value) => (typeof value === 'number' ? String(value) : sqlString(value))).join(', ');
}
