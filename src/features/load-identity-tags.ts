import { z } from 'zod';
import type { Store } from '../store/store.js';

const rowSchema = z.object({ id: z.string(), tags: z.array(z.string()) });

/** Directory tags of the identities that have any (service principals), lower-cased, by object ID. */
export async function loadIdentityTags(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.all("SELECT id, tags FROM identities WHERE tags IS NOT NULL AND len(tags) > 0");
  const tags = new Map<string, string[]>();
  for (const row of rows) {
    const parsed = rowSchema.safeParse(row);
    if (parsed.success) tags.set(parsed.data.id.toLowerCase(), parsed.data.tags.map((tag) => tag.trim().toLowerCase()));
  }
  return tags;
}
