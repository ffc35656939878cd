import { z } from 'zod';

/** The schema that validates the value at `path` of what `schema` validates, through optional, nullable and lists. */
function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | null {
  let current: z.core.$ZodType = schema;
  let index = 0;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap();
      continue;
    }
    if (index === path.length) return current;
    const segment = path[index];
    index += 1;
    if (current instanceof z.ZodArray && typeof segment === 'number') current = current.element;
    else if (current instanceof z.ZodObject && typeof segment === 'string' && segment in current.shape) current = current.shape[segment];
    else return null;
  }
}

/** The keys an object may have at `path` (empty when it is not an object). */
export function allowedKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const found = schemaAt(schema, path);
  return found instanceof z.ZodObject ? Object.keys(found.shape) : [];
}
