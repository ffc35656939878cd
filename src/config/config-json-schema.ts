import { z } from 'zod';
import { unattendedConfigSchema } from './config-schema.js';

/** Where the generated JSON Schema is checked in, relative to the repository root. */
export const CONFIG_JSON_SCHEMA_PATH = 'schema/unattended.schema.json';

/**
 * unattended.yaml's JSON Schema, generated from the zod schema that validates it (never written by hand): what an editor
 * completes and checks as you type. The input side, since that is what a person writes.
 */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(unattendedConfigSchema, { io: 'input', target: 'draft-2020-12' }), null, 2)}\n`;
}
