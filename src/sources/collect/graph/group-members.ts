import { z } from 'zod';
import { COLLECTION_FACTS } from '../../../catalog/api-limits.js';
import { sqlList } from '../../../store/sql-literal.js';
import { normaliseGroupMember } from '../../import/graph-json/directory-objects.js';
import type { CollectContext } from '../collect-context.js';
import { batchGet } from './graph-batch.js';

/**
 * The transitive members of the groups Conditional Access policies include or exclude (read from the policies just
 * collected): who a policy's group exclusion really covers. Twenty groups per $batch and per stored step.
 */
const ENDPOINT = 'graph.groupMembers';

const groupIdsSchema = z.array(z.object({ group_id: z.string() }));

async function groupsInPolicies(context: CollectContext): Promise<string[]> {
  const rows = await context.store.all(`
    SELECT DISTINCT lower(g) AS group_id FROM (
      SELECT unnest(json_extract_string(raw, '$.conditions.users.includeGroups[*]')) AS g FROM conditional_access_policies
      UNION ALL
      SELECT unnest(json_extract_string(raw, '$.conditions.users.excludeGroups[*]')) FROM conditional_access_policies
    ) WHERE g IS NOT NULL AND g <> '' ORDER BY 1`);
  return groupIdsSchema.parse(rows).map((row) => row.group_id);
}

const membersPath = (groupId: string): string => `/groups/${groupId}/transitiveMembers?$select=id`;

export async function collectGroupMembers(context: CollectContext): Promise<void> {
  const groups = await groupsInPolicies(context);
  const chunk = COLLECTION_FACTS.batchRequests.value;
  context.progress.plan(ENDPOINT, Math.max(1, Math.ceil(groups.length / chunk)));
  let rows = 0;
  let pages = 0;
  const beganAt = new Date().toISOString();
  const checkpoint = { endpoint: ENDPOINT, scope: '', nextLink: null, deltaLink: null, reason: null, affects: 'conditional-access' as const, provisional: false, beganAt };
  for (let start = 0; start < groups.length; start += chunk) {
    const ids = groups.slice(start, start + chunk);
    const members = await batchGet(context, { budget: 'graph-directory', permission: 'Directory.Read.All', what: 'graph group members', paths: ids.map(membersPath) });
    const found = ids.map((id) => ({ id, members: members.get(membersPath(id)) ?? [] }));
    const count = found.reduce((sum, group) => sum + group.members.length, 0);
    rows += count;
    pages += ids.length;
    const last = start + chunk >= groups.length;
    await context.writer.write({
      label: `${ENDPOINT} ${ids[0] ?? ''}`,
      format: 'graph',
      replace: (store) => store.run(`DELETE FROM group_members WHERE group_id IN (${sqlList(ids)})`),
      fill: async (batch) => {
        for (const group of found) {
          group.members.forEach((member, index) => {
            const outcome = normaliseGroupMember(group.id, member);
            if (outcome.ok) batch.add(outcome.record);
            else batch.quarantine(index + 1, outcome.reason, JSON.stringify(member), 'directory');
          });
        }
      },
      ...(last ? { after: (store) => store.run(groups.length > 0 ? `DELETE FROM group_members WHERE group_id NOT IN (${sqlList(groups)})` : 'DELETE FROM group_members') } : {}),
      checkpoint: { ...checkpoint, state: last ? 'complete' : 'partial', rows, pages },
    });
    context.progress.stored(ENDPOINT, count, ids.length);
    context.progress.scopeDone(ENDPOINT, 'complete');
  }
  if (groups.length === 0) {
    await context.writer.write({
      label: ENDPOINT,
      format: 'graph',
      fill: async () => undefined,
      after: (store) => store.run('DELETE FROM group_members'),
      checkpoint: { ...checkpoint, state: 'complete', rows: 0, pages: 0 },
    });
    context.progress.scopeDone(ENDPOINT, 'complete');
  }
}
