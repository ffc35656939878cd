import { z } from 'zod';

/**
 * The check of feature rows the SQL returns. DuckDB types every column, so what can go wrong is a query out of step
 * with the schema: a field missing, renamed, of another type, null where the schema has no null, or a kind outside
 * its enum. This checks exactly that for every field of every row, from the schema's own JSON Schema, in a loop of
 * typeof tests (52,500 rows: tens of milliseconds; a full zod or ajv validation of the nested lists took 1-3 s, more
 * than the query). The nested shapes (list elements, patterns, lengths) are the SQL's construction, and tests run
 * the full zod schema over every row of the demo tenant, the scenarios and the Microsoft samples.
 */
export interface RowCheck<T> {
  /** The row, checked; or an error naming the identity and the first field that does not fit. */
  parse(row: unknown, what: string): T;
  /**
   * A row sent as the list of its values in the schema's key order (`keys`), checked by position and returned keyed:
   * the same checks and errors as parse, without looking up 100 different keys in every row.
   */
  parseValues(values: unknown, what: string): T;
  /** The schema's keys, in its order. */
  keys: readonly string[];
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

interface FieldRule {
  key: string;
  types: ReadonlySet<JsonType>;
  /** The same types as bits of TYPE_BIT, an integer also fitting where a number does. */
  mask: number;
  values: readonly unknown[] | null;
}

const TYPE_BIT: Readonly<Record<JsonType, number>> = { string: 1, number: 2, integer: 4, boolean: 8, array: 16, object: 32, null: 64 };

function maskOf(types: ReadonlySet<JsonType>): number {
  let mask = 0;
  for (const type of types) mask |= TYPE_BIT[type];
  return types.has('number') ? mask | TYPE_BIT.integer : mask;
}

const jsonTypeSchema = z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const propertySchema = z.object({
  type: z.union([jsonTypeSchema, z.array(jsonTypeSchema)]).optional(),
  anyOf: z.array(z.object({ type: jsonTypeSchema.optional() })).optional(),
  enum: z.array(z.unknown()).optional(),
});
const objectSchema = z.object({ properties: z.record(z.string(), z.unknown()) });

function ruleFor(key: string, property: unknown): FieldRule {
  const parsed = propertySchema.parse(property);
  const listed = parsed.type === undefined ? [] : Array.isArray(parsed.type) ? parsed.type : [parsed.type];
  const alternatives = (parsed.anyOf ?? []).flatMap((option) => (option.type === undefined ? [] : [option.type]));
  const types = new Set<JsonType>([...listed, ...alternatives]);
  if (types.size === 0) throw new Error(`feature schema field ${key} has no type to check`);
  return { key, types, mask: maskOf(types), values: parsed.enum ?? null };
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    default:
      return 'object';
  }
}

function fits(rule: FieldRule, value: unknown): boolean {
  if ((rule.mask & TYPE_BIT[typeOf(value)]) === 0) return false;
  return rule.values === null || rule.values.includes(value);
}

/**
 * A function made once from the keys (quoted by JSON.stringify, from the schema, never from data) returning one object
 * literal of the values: every row gets one hidden class at once, where adding 100 keys one by one in a loop costs
 * more than parsing the row.
 */
function keyedBuilder(keys: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const body = `return {${keys.map((key, index) => `${JSON.stringify(key)}: v[${index}]`).join(', ')}};`;
  return new Function('v', body) as (values: readonly unknown[]) => Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rows of `schema` (a z.object with no transforms: rows arrive in their final form). */
export function compileRowCheck<T>(schema: z.ZodObject & z.ZodType<T>): RowCheck<T> {
  const { properties } = objectSchema.parse(z.toJSONSchema(schema, { io: 'output' }));
  const rules = Object.entries(properties).map(([key, property]) => ruleFor(key, property));
  const keys = rules.map((rule) => rule.key);
  const keyed = keyedBuilder(keys);
  function isRow(row: unknown): row is T {
    if (!isRecord(row)) return false;
    for (const rule of rules) if (!fits(rule, row[rule.key])) return false;
    return true;
  }
  function areValues(values: unknown): values is unknown[] {
    if (!Array.isArray(values) || values.length !== rules.length) return false;
    for (let index = 0; index < rules.length; index += 1) if (!fits(rules[index] as FieldRule, values[index])) return false;
    return true;
  }
  function parse(row: unknown, what: string): T {
    if (isRow(row)) return row;
    const bad = isRecord(row) ? rules.find((rule) => !fits(rule, row[rule.key])) : undefined;
    // The type found, never the value: a value can be a name from the tenant.
    const found = (record: Record<string, unknown>, key: string): string => (key in record ? typeOf(record[key]) : 'nothing');
    const detail = !isRecord(row) || bad === undefined ? 'not an object' : `${bad.key}: expected ${[...bad.types].join(' or ')}${bad.values ? ` (one of ${bad.values.join(', ')})` : ''}, got ${found(row, bad.key)}`;
    throw new Error(`feature row for ${what} does not match the feature schema: ${detail}`);
  }
  return {
    keys,
    parse,
    parseValues(values, what) {
      // Checked: every value fits its field, so the keyed row is a T.
      if (areValues(values)) return keyed(values) as T;
      if (!Array.isArray(values)) throw new Error(`feature row for ${what} does not match the feature schema: not a list of values`);
      if (values.length !== rules.length) throw new Error(`feature row for ${what} does not match the feature schema: ${values.length} values for ${rules.length} fields`);
      return parse(keyed(values), what);
    },
  };
}
