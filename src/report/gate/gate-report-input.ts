import type { GateLevel, GateResult, GateRuleId } from '../../model/gate.js';

/** What a gate reporter renders: the result, and the rules it applied (their sentences, for SARIF and the docs). */
export interface GateReportInput {
  result: GateResult;
  rules: readonly { id: GateRuleId; level: GateLevel; summary: string }[];
  /** Identities the check judged (0 without a store). */
  identityCount: number;
  toolVersion: string;
}

export type GateFormat = 'table' | 'markdown' | 'sarif' | 'json';
export type GateReporter = (input: GateReportInput) => string;
