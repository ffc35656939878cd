import { describe, expect, it } from 'vitest';
import { CATEGORY_PAGES, catalogHeader, isComplete, rolesOfPage } from '../scripts/refresh-built-in-roles.js';

const PAGE = `## Reader

View all resources, but does not allow you to make any changes.

\`\`\`json
{
  "assignableScopes": [
    "/"
  ],
  "description": "View all resources, but does not allow you to make any changes.",
  "id": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
  "name": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  "permissions": [
    {
      "actions": [
        "*/read"
      ],
      "notActions": [],
      "dataActions": [],
      "notDataActions": []
    }
  ],
  "roleName": "Reader",
  "roleType": "BuiltInRole",
  "type": "Microsoft.Authorization/roleDefinitions"
}
\`\`\`
`;

const everyPage = CATEGORY_PAGES.map((category) => ({ category, roles: 1 }));

describe('refresh-built-in-roles', () => {
  it('reads a role from its JSON block as the reference prints it', () => {
    expect(rolesOfPage(PAGE, 'general')).toEqual([{ id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader', category: 'general', actions: ['*/read'], notActions: [], dataActions: [] }]);
  });

  it('calls a catalog complete only when all 21 pages were read whole', () => {
    expect(CATEGORY_PAGES).toHaveLength(21);
    expect(isComplete(everyPage, false)).toBe(true);
    expect(isComplete(everyPage, true)).toBe(false);
    expect(isComplete(everyPage.filter((page) => page.category !== 'quantum'), false)).toBe(false);
  });

  it('says in the header which pages were read, how, with how many roles, and which were not', () => {
    const header = catalogHeader([{ category: 'general', roles: 1 }, { category: 'privileged', roles: 5 }], true).replace(/\n \* /gu, ' ');
    expect(header).toContain('6 roles from 2 of the 21 category pages, read as excerpts (--partial: some roles per page, copied verbatim): general (1), privileged (5).');
    expect(header).toContain('Incomplete (complete: false): a narrower role may be missing. Not read: ai-machine-learning, analytics, compute,');
    expect(catalogHeader(everyPage, false)).toContain('21 roles from 21 of the 21 category pages, read whole');
    expect(catalogHeader(everyPage, false)).toContain(' * Complete.\n */\n');
  });
});
