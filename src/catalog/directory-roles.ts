import { z } from 'zod';
import { directoryRoleEntrySchema } from './schema.js';
import { SOURCES } from './sources.js';

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

/** Built-in Entra directory roles (template IDs) that matter for classification and break-glass. */
export const DIRECTORY_ROLES = z.array(directoryRoleEntrySchema).parse([
  { id: GLOBAL_ADMINISTRATOR_ROLE_ID, name: 'Global Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: '194ae4cb-b126-40b2-bd5b-6091b380977d', name: 'Security Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', name: 'Application Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: '158c047a-c907-4556-b7ef-446551a6b5f7', name: 'Cloud Application Administrator', privileged: true, source: SOURCES.directoryRoles },
  { id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', name: 'Billing Administrator', privileged: false, source: SOURCES.directoryRoles },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator', privileged: false, source: SOURCES.directoryRoles },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader', privileged: false, source: SOURCES.directoryRoles },
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers', privileged: false, source: SOURCES.directoryRoles },
  { id: 'd29b2b05-8046-44ba-8758-1e26182fcf32', name: 'Directory Synchronization Accounts', privileged: false, source: SOURCES.directoryRoles },
]);

export function directoryRoleName(id: string): string | null {
  const lower = id.toLowerCase();
  return DIRECTORY_ROLES.find((role) => role.id === lower)?.name ?? null;
}
