import { z } from 'zod';
import { exceptionSchema, gateSchema, ownerRuleSchema, retirementSchema } from './governance-schema.js';
import { isoDateSchema } from './iso-date.js';

export const CLOUDS = ['public', 'usgov', 'china'] as const;
export type Cloud = (typeof CLOUDS)[number];

const phaseDates = z
  .object({
    phase1: isoDateSchema.optional().meta({ description: 'Phase 1 (Azure portal, admin centers) enforcement date, YYYY-MM-DD.' }),
    phase2: isoDateSchema.optional().meta({ description: 'Phase 2 (Azure Resource Manager writes) enforcement date, YYYY-MM-DD.' }),
  })
  .strict();

/**
 * unattended.yaml, version 1: the tenant, its enforcement dates (per cloud), its break-glass accounts, and governance:
 * owners, exceptions, retirements and the gate's thresholds. Strict objects: a misspelt key is an error, not a
 * silently ignored setting. schema/unattended.schema.json is generated from this (npm run schema).
 */
export const unattendedConfigSchema = z
  .object({
    tenant: z
      .object({
        id: z.string().min(1).optional().meta({ description: 'The Entra tenant ID.' }),
        cloud: z.enum(CLOUDS).optional().meta({ description: 'The cloud the tenant lives in (default public): picks enforcement.clouds.<cloud>.' }),
      })
      .strict()
      .optional(),
    enforcement: phaseDates
      .extend({
        clouds: z
          .object({ public: phaseDates.optional(), usgov: phaseDates.optional(), china: phaseDates.optional() })
          .strict()
          .optional()
          .meta({ description: 'Dates per cloud; the tenant\'s cloud wins over phase1/phase2 above.' }),
      })
      .strict()
      .optional(),
    /** UPNs or object IDs of the emergency-access accounts. */
    breakGlass: z.array(z.string().min(1)).optional().meta({ description: 'UPNs or object IDs of the emergency-access accounts.' }),
    gate: gateSchema.optional(),
    owners: z.array(ownerRuleSchema).optional().meta({ description: 'Owner rules: specific ones (id, upn) win over tag, then over patterns in file order.' }),
    exceptions: z.array(exceptionSchema).optional(),
    retirements: z.array(retirementSchema).optional(),
  })
  .strict()
  .meta({ title: 'unattended.yaml', description: 'Policy as code for unattended: enforcement dates, break-glass accounts, owners, exceptions, retirements, gate thresholds.' });

export type UnattendedConfig = z.infer<typeof unattendedConfigSchema>;
