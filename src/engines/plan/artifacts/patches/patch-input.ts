import type { PlanTarget } from '../../../../model/plan.js';

export interface PatchInput {
  text: string;
  /** The finding's line (1-based). */
  line: number;
  target: PlanTarget;
  tenantId: string | null;
  /** The service connection the step already names (Azure Pipelines). */
  connection: string | null;
}
