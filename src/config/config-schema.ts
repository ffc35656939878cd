import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'a real calendar date');

/**
 * unattended.yaml, version 1: the tenant, its enforcement dates, its break-glass accounts.
 * Strict objects: a misspelt key is an error, not a silently ignored setting.
 */
export const unattendedConfigSchema = z
  .object({
    tenant: z.object({ id: z.string().min(1) }).strict().optional(),
    enforcement: z
      .object({
        phase1: isoDate.optional(),
        phase2: isoDate.optional(),
      })
      .strict()
      .optional(),
    /** UPNs or object IDs of the emergency-access accounts. */
    breakGlass: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type UnattendedConfig = z.infer<typeof unattendedConfigSchema>;
