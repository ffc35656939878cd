import type { ExceptionEntry, OwnerRule, RetirementEntry } from '../../config/governance-schema.js';
import type { OwnerAssignment, OwnerMatchKind } from '../../model/governance.js';
import type { GovernancePolicy } from './governance-policy.js';
import { compileGlob } from './name-glob.js';

/** An owner rule with an owner, and what it matches on. */
export interface OwnerRuleMatch {
  kind: OwnerMatchKind;
  value: string;
  assignment: OwnerAssignment;
}

/** A policy's rules indexed for lookups, built once per policy and thread. */
export interface CompiledPolicy {
  /** id/upn/tag rules by their lower-cased value; the first in file order wins a tie. */
  byId: Map<string, OwnerRuleMatch>;
  byUpn: Map<string, OwnerRuleMatch>;
  byTag: Map<string, OwnerRuleMatch>;
  /** pattern rules, in file order. */
  patterns: { regex: RegExp; rule: OwnerRuleMatch }[];
  /** path rules, in file order. */
  paths: { regex: RegExp; rule: OwnerRuleMatch }[];
  /** Exceptions and retirements by the lower-cased identity reference they name. */
  exceptionsByRef: Map<string, ExceptionEntry[]>;
  exceptionPaths: { regex: RegExp; entry: ExceptionEntry }[];
  retirementsByRef: Map<string, RetirementEntry>;
}

function matchOf(rule: OwnerRule): OwnerRuleMatch | null {
  // A rule whose owner is null lists an identity as not yet owned: it assigns nothing, so a broader rule still can.
  if (rule.owner === null) return null;
  const assignment = (kind: OwnerMatchKind, value: string): OwnerRuleMatch => ({
    kind,
    value,
    assignment: {
      team: rule.owner?.team ?? '',
      process: rule.owner?.process ?? null,
      contacts: [...(rule.owner?.contacts ?? [])],
      approvers: [...(rule.owner?.approvers ?? [])],
      matchedBy: { kind, value },
    },
  });
  if (rule.id !== undefined) return assignment('id', rule.id);
  if (rule.upn !== undefined) return assignment('upn', rule.upn);
  if (rule.tag !== undefined) return assignment('tag', rule.tag);
  if (rule.pattern !== undefined) return assignment('pattern', rule.pattern);
  if (rule.path !== undefined) return assignment('path', rule.path);
  return null;
}

function keep<T>(map: Map<string, T>, key: string, value: T): void {
  const normal = key.trim().toLowerCase();
  if (!map.has(normal)) map.set(normal, value);
}

function compile(policy: GovernancePolicy): CompiledPolicy {
  const compiled: CompiledPolicy = { byId: new Map(), byUpn: new Map(), byTag: new Map(), patterns: [], paths: [], exceptionsByRef: new Map(), exceptionPaths: [], retirementsByRef: new Map() };
  for (const rule of policy.owners) {
    const match = matchOf(rule);
    if (match === null) continue;
    if (match.kind === 'id') keep(compiled.byId, match.value, match);
    else if (match.kind === 'upn') keep(compiled.byUpn, match.value, match);
    else if (match.kind === 'tag') keep(compiled.byTag, match.value, match);
    else if (match.kind === 'pattern') compiled.patterns.push({ regex: compileGlob(match.value, 'name'), rule: match });
    else compiled.paths.push({ regex: compileGlob(match.value, 'path'), rule: match });
  }
  for (const entry of policy.exceptions) {
    if (entry.identity !== undefined) {
      const key = entry.identity.trim().toLowerCase();
      compiled.exceptionsByRef.set(key, [...(compiled.exceptionsByRef.get(key) ?? []), entry]);
    }
    if (entry.path !== undefined) compiled.exceptionPaths.push({ regex: compileGlob(entry.path, 'path'), entry });
  }
  for (const entry of policy.retirements) keep(compiled.retirementsByRef, entry.identity, entry);
  return compiled;
}

const cache = new WeakMap<GovernancePolicy, CompiledPolicy>();

/** The policy compiled, once per policy object (a worker thread compiles its own copy once). */
export function compiledPolicy(policy: GovernancePolicy): CompiledPolicy {
  let compiled = cache.get(policy);
  if (compiled === undefined) {
    compiled = compile(policy);
    cache.set(policy, compiled);
  }
  return compiled;
}
