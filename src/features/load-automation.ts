import { z } from 'zod';
import type { AutomationLink } from '../model/analysis.js';
import type { Store } from '../store/store.js';

const findingRowSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  auth_method: z.enum(['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation']),
  identity_kind: z.enum(['upn', 'client-id']),
  identity_value: z.string(),
});

export interface AutomationIndex {
  byUpn: Map<string, AutomationLink[]>;
  byClientId: Map<string, AutomationLink[]>;
}

function add(map: Map<string, AutomationLink[]>, key: string, link: AutomationLink): void {
  const list = map.get(key) ?? [];
  list.push(link);
  map.set(key, list);
}

/**
 * Code that signs in as a named identity. Only exact UPNs and client IDs link code to an identity:
 * a secret or variable name (AZ_USER) says nothing about which account it holds.
 */
export async function loadAutomation(store: Store): Promise<AutomationIndex> {
  const rows = await store.all(
    `SELECT file, line, auth_method, identity_kind, identity_value FROM scan_findings
     WHERE identity_kind IN ('upn', 'client-id') AND identity_value IS NOT NULL ORDER BY file, line, col`,
  );
  const index: AutomationIndex = { byUpn: new Map(), byClientId: new Map() };
  for (const row of rows) {
    const parsed = findingRowSchema.safeParse(row);
    if (!parsed.success) continue;
    const link: AutomationLink = { file: parsed.data.file, line: parsed.data.line, authMethod: parsed.data.auth_method };
    const key = parsed.data.identity_value.trim().toLowerCase();
    add(parsed.data.identity_kind === 'upn' ? index.byUpn : index.byClientId, key, link);
  }
  return index;
}

export function automationFor(index: AutomationIndex, upn: string | null, appId: string | null): AutomationLink[] {
  const links = [...(upn ? (index.byUpn.get(upn.toLowerCase()) ?? []) : []), ...(appId ? (index.byClientId.get(appId.toLowerCase()) ?? []) : [])];
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.file}:${link.line}:${link.authMethod}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
