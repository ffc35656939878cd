/**
 * JSON Schemas written from Microsoft's documented shapes, to check the generated JSON with a validator:
 * - the role definition file of `az role definition create --role-definition` (Azure RBAC custom roles:
 *   https://learn.microsoft.com/azure/role-based-access-control/custom-roles#custom-role-properties);
 * - the federatedIdentityCredential of Microsoft Graph (`name` ≤ 120 characters of letters, digits, '-', '_';
 *   `issuer`; `subject`; `audiences` of one value; `description` ≤ 600:
 *   https://learn.microsoft.com/graph/api/resources/federatedidentitycredential).
 */
export const CUSTOM_ROLE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['Name', 'IsCustom', 'Description', 'Actions', 'NotActions', 'DataActions', 'NotDataActions', 'AssignableScopes'],
  additionalProperties: false,
  properties: {
    Name: { type: 'string', minLength: 1, maxLength: 512 },
    IsCustom: { const: true },
    Description: { type: 'string', maxLength: 2048 },
    Actions: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^(\\*|[A-Za-z0-9.*-]+(/[A-Za-z0-9.*-]+)*)$' } },
    NotActions: { type: 'array', items: { type: 'string' } },
    DataActions: { type: 'array', items: { type: 'string' } },
    NotDataActions: { type: 'array', items: { type: 'string' } },
    AssignableScopes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/(subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[^/]+)?|providers/Microsoft\\.Management/managementGroups/[^/]+)$' } },
  },
} as const;

export const FEDERATED_CREDENTIAL_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['name', 'issuer', 'subject', 'audiences'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$' },
    issuer: { type: 'string', minLength: 1, maxLength: 600 },
    subject: { type: 'string', minLength: 1, maxLength: 600 },
    description: { type: 'string', maxLength: 600 },
    audiences: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'string', minLength: 1 } },
  },
} as const;
