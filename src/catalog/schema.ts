import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
const url = z.url();

export const appEntrySchema = z.object({ id: guid, name: z.string().min(1), role: z.enum(['portal', 'arm-client', 'graph-client', 'other']), phase: z.enum(['phase1', 'phase2']).nullable(), source: url });
export const resourceEntrySchema = z.object({ id: guid, name: z.string().min(1), inScope: z.enum(['phase2', 'none']), source: url });
export const errorCodeEntrySchema = z.object({ code: z.number().int(), meaning: z.string().min(1), mfaRequired: z.boolean(), source: url });
export const policyDefinitionEntrySchema = z.object({ id: guid, name: z.string().min(1), covers: z.enum(['create-update', 'delete']), effects: z.array(z.string()).min(1), source: url });
export const phaseEntrySchema = z.object({
  id: z.enum(['phase1', 'phase2']),
  enforces: z.string().min(1),
  operations: z.enum(['all', 'writes']),
  defaultDate: isoDate,
  latestPostponement: isoDate,
  source: url,
});
export const directoryRoleEntrySchema = z.object({ id: guid, name: z.string().min(1), privileged: z.boolean(), source: url });
