/** KQL literals for values from the catalog and the command line: never text from the tenant. */
export function kqlString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function kqlDynamic(values: readonly (string | number)[]): string {
  return `dynamic([${values.map((value) => (typeof value === 'number' ? String(value) : JSON.stringify(value))).join(', ')}])`;
}

export function kqlDatetime(date: Date): string {
  return `datetime(${date.toISOString()})`;
}

/** `column contains 'a' or column contains 'b'` (KQL's contains ignores case, as the SQL's lower-cased tests do). */
export function containsAny(column: string, needles: readonly string[]): string {
  return `(${needles.map((needle) => `${column} contains ${kqlString(needle)}`).join(' or ')})`;
}
