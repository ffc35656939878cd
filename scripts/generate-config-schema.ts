/** `npm run schema`: writes schema/unattended.schema.json from the zod schema (a test fails when the two differ). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_JSON_SCHEMA_PATH, configJsonSchemaText } from '../src/config/config-json-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, CONFIG_JSON_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, configJsonSchemaText());
process.stdout.write(`wrote ${CONFIG_JSON_SCHEMA_PATH}\n`);
