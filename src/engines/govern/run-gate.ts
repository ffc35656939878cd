import type { GateFinding, GateResult } from '../../model/gate.js';
import { GATE_RULES, type GateInput } from './gate-rules.js';

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every rule of the gate over one run's state: errors fail it; findings by rule, then where (file and line), then subject. */
export function runGate(input: GateInput, baseline: GateResult['baseline']): GateResult {
  const findings: GateFinding[] = [];
  for (const rule of GATE_RULES.values()) {
    const own = rule.check(input).sort((a, b) => byCodeUnits(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || byCodeUnits(a.subject, b.subject) || byCodeUnits(a.message, b.message));
    findings.push(...own);
  }
  return {
    passed: !findings.some((finding) => finding.level === 'error'),
    asOf: input.state.asOf,
    policyPath: input.policyPath,
    hasStore: input.state.hasStore,
    baseline,
    findings,
  };
}
