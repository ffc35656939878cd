/**
 * Rebuilds src/catalog/azure-built-in-roles-data.ts from a checkout of Microsoft's built-in roles reference:
 *   git clone --depth 1 --filter=blob:none --sparse <azure-docs repository> && git sparse-checkout set articles/role-based-access-control
 *   npx tsx scripts/refresh-built-in-roles.ts path/to/azure-docs [YYYY-MM-DD] [--partial]
 * Every role's JSON block on every category page is parsed (JSON.parse, then the catalog's zod schema); only id, name,
 * actions, notActions and dataActions are kept, so the file stays small.
 * `--partial` says the pages hold excerpts (some roles' JSON blocks copied from the reference, not whole pages): the
 * catalog then says it is incomplete, as it does when any of the 21 category pages is missing, because a role left out
 * may be the narrow one the least-privilege ranking should have proposed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { builtInRoleCatalogSchema, type BuiltInRole } from '../src/catalog/azure-built-in-roles.js';

const PAGES = 'articles/role-based-access-control/built-in-roles';

/** The reference's category pages (built-in-roles/<category>.md): a catalog is complete only when each was read whole. */
export const CATEGORY_PAGES: readonly string[] = [
  'ai-machine-learning',
  'analytics',
  'compute',
  'containers',
  'databases',
  'devops',
  'general',
  'hybrid-multicloud',
  'identity',
  'integration',
  'internet-of-things',
  'management-and-governance',
  'migration',
  'mixed-reality',
  'monitor',
  'networking',
  'privileged',
  'quantum',
  'security',
  'storage',
  'web-and-mobile',
];
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

/** One category page as read: its name and how many roles its JSON blocks gave. */
export interface PageRead {
  category: string;
  roles: number;
}

/** Whether the pages read cover the whole reference: every category page present, each read whole (no `--partial`). */
export function isComplete(pages: readonly PageRead[], partial: boolean): boolean {
  const read = new Set(pages.map((page) => page.category));
  return !partial && CATEGORY_PAGES.every((category) => read.has(category));
}

/** Words joined into lines of at most `width` characters, each after `prefix`. */
function wrapped(text: string, prefix: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(`${prefix}${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`${prefix}${line}`);
  return lines;
}

/** The data file's header: where the roles came from, which pages were read and how, so a reader can judge the catalog. */
export function catalogHeader(pages: readonly PageRead[], partial: boolean): string {
  const roles = pages.reduce((sum, page) => sum + page.roles, 0);
  const read = new Set(pages.map((page) => page.category));
  const missing = CATEGORY_PAGES.filter((category) => !read.has(category));
  const how = partial ? 'as excerpts (--partial: some roles per page, copied verbatim)' : 'whole';
  const extent = isComplete(pages, partial) ? 'Complete.' : 'Incomplete (complete: false): a narrower role may be missing.';
  const paragraphs = [
    "Generated by scripts/refresh-built-in-roles.ts from Microsoft's built-in roles reference (the JSON block of each role in MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/<category>.md). Only what the least-privilege ranking needs is kept: id, name, actions, notActions, dataActions. Do not edit by hand: rerun the script against a checkout of the reference.",
    `${roles} roles from ${pages.length} of the ${CATEGORY_PAGES.length} category pages, read ${how}: ${pages.map((page) => `${page.category} (${page.roles})`).join(', ')}.`,
    missing.length === 0 ? extent : `${extent} Not read: ${missing.join(', ')}.`,
  ];
  const body = paragraphs.map((paragraph) => wrapped(paragraph, ' * ', 120).join('\n')).join('\n *\n');
  return `/**\n${body}\n */\n`;
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { partial: { type: 'boolean', default: false } }, allowPositionals: true });
  const [checkout, date] = positionals;
  if (!checkout) throw new Error('usage: refresh-built-in-roles.ts <azure-docs checkout> [YYYY-MM-DD] [--partial]');
  const partial = values.partial === true;
  const folder = join(checkout, PAGES);
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const pages: PageRead[] = [];
  const roles: BuiltInRole[] = [];
  for (const name of names) {
    const category = name.replace(/\.md$/u, '');
    const found = rolesOfPage(readFileSync(join(folder, name), 'utf8'), category);
    pages.push({ category, roles: found.length });
    roles.push(...found);
  }
  const catalog = builtInRoleCatalogSchema.parse({
    source: 'https://github.com/MicrosoftDocs/azure-docs/tree/main/articles/role-based-access-control/built-in-roles',
    retrieved: date ?? new Date().toISOString().slice(0, 10),
    complete: isComplete(pages, partial),
    roles: roles.sort((a, b) => a.name.localeCompare(b.name, 'en')),
  });
  const imports = "import type { BuiltInRoleCatalog } from './azure-built-in-roles.js';\n\n";
  writeFileSync(OUT, `${catalogHeader(pages, partial)}${imports}export const BUILT_IN_ROLE_CATALOG: BuiltInRoleCatalog = ${JSON.stringify(catalog, null, 2)};\n`);
  process.stdout.write(`${catalog.roles.length} built-in roles from ${pages.length} pages in ${folder}, complete: ${String(catalog.complete)}\n`);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) main();
