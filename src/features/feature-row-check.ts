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
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

interface FieldRule {
  key: string;
  types: ReadonlySet<JsonType>;
  values: readonly unknown[] | null;
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
  return { key, types, values: parsed.enum ?? null };
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
  const type = typeOf(value);
  if (!rule.types.has(type) && !(type === 'integer' && rule.types.has('number'))) return false;
  return rule.values === null || rule.values.includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rows of `schema` (a z.object with no transforms: rows arrive in their final form). */
export function compileRowCheck<T>(schema: z.ZodObject & z.ZodType<T>): RowCheck<T> {
  const { properties } = objectSchema.parse(z.toJSONSchema(schema, { io: 'output' }));
  const rules = Object.entries(properties).map(([key, property]) => ruleFor(key, property));
  function isRow(row: unknown): row is T {
    if (!isRecord(row)) return false;
    for (const rule of rules) if (!fits(rule, row[rule.key])) return false;
    return true;
  }
  return {
    parse(row, what) {
      if (isRow(row)) return row;
      const bad = isRecord(row) ? rules.find((rule) => !fits(rule, row[rule.key])) : undefined;
      // The type found, never the value: a value can be a name from the tenant.
      const found = (record: Record<string, unknown>, key: string): string => (key in record ? typeOf(record[key]) : 'nothing');
      const detail = !isRecord(row) || bad === undefined ? 'not an object' : `${bad.key}: expected ${[...bad.types].join(' or ')}${bad.values ? ` (one of ${bad.values.join(', ')})` : ''}, got ${found(row, bad.key)}`;
      throw new Error(`feature row for ${what} does not match the feature schema: ${detail}`);
    },
  };
}
