/**
 * Rebuilds src/catalog/azure-built-in-roles-data.ts from a checkout of Microsoft's built-in roles reference:
 *   git clone --depth 1 --filter=blob:none --sparse <azure-docs repository> && git sparse-checkout set articles/role-based-access-control
 *   npx tsx scripts/refresh-built-in-roles.ts path/to/azure-docs [YYYY-MM-DD]
 * Every role's JSON block on every category page is parsed (JSON.parse, then the catalog's zod schema); only id, name,
 * actions, notActions and dataActions are kept, so the file stays small.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { builtInRoleCatalogSchema, type BuiltInRole } from '../src/catalog/azure-built-in-roles.js';

const PAGES = 'articles/role-based-access-control/built-in-roles';
const OUT = new URL('../src/catalog/azure-built-in-roles-data.ts', import.meta.url);

/** A role's JSON block as the reference prints it (fields it does not use are ignored). */
const referenceRoleSchema = z.object({
  name: z.string(),
  roleName: z.string(),
  roleType: z.literal('BuiltInRole'),
  permissions: z.array(z.object({ actions: z.array(z.string()), notActions: z.array(z.string()), dataActions: z.array(z.string()).default([]) })),
});

/** The fenced ```json blocks of a Markdown page, by their fence lines. */
export function jsonBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of markdown.split(/\r?\n/u)) {
    if (current === null && line.trim() === '```json') current = [];
    else if (current !== null && line.trim() === '```') {
      blocks.push(current.join('\n'));
      current = null;
    } else if (current !== null) current.push(line);
  }
  return blocks;
}

export function rolesOfPage(markdown: string, category: string): BuiltInRole[] {
  const roles: BuiltInRole[] = [];
  for (const block of jsonBlocks(markdown)) {
    const parsed = referenceRoleSchema.safeParse(JSON.parse(block));
    if (!parsed.success) continue;
    const role = parsed.data;
    roles.push({
      id: role.name.toLowerCase(),
      name: role.roleName,
      category,
      actions: role.permissions.flatMap((permission) => permission.actions),
      notActions: role.permissions.flatMap((permission) => permission.notActions),
      dataActions: role.permissions.flatMap((permission) => permission.dataActions),
    });
  }
  return roles;
}

function main(): void {
  const [checkout, date] = process.argv.slice(2);
  if (!checkout) throw new Error('usage: refresh-built-in-roles.ts <azure-docs checkout> [YYYY-MM-DD]');
  const folder = join(checkout, PAGES);
  const roles = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => rolesOfPage(readFileSync(join(folder, name), 'utf8'), name.replace(/\.md$/u, '')));
  const catalog = builtInRoleCatalogSchema.parse({
    source: 'https://github.com/MicrosoftDocs/azure-docs/tree/main/articles/role-based-access-control/built-in-roles',
    retrieved: date ?? new Date().toISOString().slice(0, 10),
    complete: true,
    roles: roles.sort((a, b) => a.name.localeCompare(b.name, 'en')),
  });
  const head = readFileSync(OUT, 'utf8').split('export const')[0] ?? '';
  writeFileSync(OUT, `${head}export const BUILT_IN_ROLE_CATALOG: BuiltInRoleCatalog = ${JSON.stringify(catalog, null, 2)};\n`);
  process.stdout.write(`${catalog.roles.length} built-in roles from ${folder}\n`);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) main();
