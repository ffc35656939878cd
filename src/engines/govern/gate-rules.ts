import type { UnattendedConfig } from '../../config/config-schema.js';
import type { ExceptionEntry } from '../../config/governance-schema.js';
import type { PolicyLines } from '../../config/policy-lines.js';
import type { GateFinding, GateLevel, GateRuleId } from '../../model/gate.js';
import type { GovernanceState, GovernedAutomation, GovernedIdentity } from '../../model/governance.js';
import { addedAutomation } from './automation-key.js';
import { daysBetween, exceptionHolds, exceptionState } from './exception-status.js';
import type { GateThresholds } from './governance-policy.js';

/** Everything a gate rule may read. */
export interface GateInput {
  state: GovernanceState;
  /** The snapshot new automation is measured against, if any. */
  baseline: GovernanceState | null;
  config: UnattendedConfig | null;
  policyPath: string | null;
  lines: PolicyLines;
  thresholds: GateThresholds;
  /** The day exceptions are judged on (asOf's), YYYY-MM-DD. */
  day: string;
}

export interface GateRule {
  id: GateRuleId;
  level: GateLevel;
  /** One sentence: what the rule asks for (SARIF rule text, docs). */
  summary: string;
  check(input: GateInput): GateFinding[];
}

function nameOf(identity: Pick<GovernedIdentity, 'upn' | 'displayName'>): string {
  return identity.upn ?? identity.displayName;
}

function verdictPhrase(identity: GovernedIdentity): string {
  if (identity.verdict === 'breaks') return `breaks ${identity.breaksOn ?? 'on an unknown date'}`;
  if (identity.verdict === 'broken') return 'already broken';
  return identity.verdict;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function codeSubject(entry: Pick<GovernedAutomation, 'file' | 'line'>): string {
  return `${entry.file}:${entry.line}`;
}

function signsInAs(entry: GovernedAutomation): string {
  const who = entry.identityValue === null ? 'an account it does not name' : entry.identityKind === 'upn' || entry.identityKind === 'client-id' ? entry.identityValue : `the account in ${entry.identityValue}`;
  return `signs in as ${who} with ${entry.authMethod} (${entry.rule})`;
}

function exceptionSubject(entry: ExceptionEntry): string {
  return entry.identity ?? entry.path ?? '?';
}

interface IndexedException {
  entry: ExceptionEntry;
  line: number | null;
}

function exceptions(input: GateInput): IndexedException[] {
  return (input.config?.exceptions ?? []).map((entry, index) => ({ entry, line: input.lines.exceptions[index] ?? null }));
}

function onPolicy(input: GateInput, line: number | null): Pick<GateFinding, 'file' | 'line'> {
  return { file: input.policyPath, line: input.policyPath === null ? null : line };
}

export const GATE_RULES: ReadonlyMap<GateRuleId, GateRule> = new Map<GateRuleId, GateRule>([
  ['identity-without-owner', {
    id: 'identity-without-owner',
    level: 'error',
    summary: 'Every service account (gate.ownersRequiredFor) has an owner in unattended.yaml, unless it is being retired.',
    check(input) {
      if (!input.state.hasStore) return [];
      const required = new Set(input.thresholds.ownersRequiredFor);
      return input.state.identities
        .filter((identity) => required.has(identity.class) && identity.ownerTeam === null && identity.retiredOn === null)
        .map((identity) => ({
          rule: 'identity-without-owner', level: 'error', subject: nameOf(identity), identityId: identity.id, ...onPolicy(input, input.lines.ownersKey),
          message: `${nameOf(identity)} (${identity.class}, ${verdictPhrase(identity)}) has no owner`,
        }));
    },
  }],
  ['automation-without-owner', {
    id: 'automation-without-owner',
    level: 'error',
    summary: 'Every place in code that signs in with a method mandatory MFA breaks has an owner: a path rule, or the owner of the account it uses.',
    check(input) {
      return input.state.automation
        .filter((entry) => entry.ownerTeam === null)
        .map((entry) => ({ rule: 'automation-without-owner', level: 'error', subject: codeSubject(entry), identityId: null, file: entry.file, line: entry.line, message: `${codeSubject(entry)} ${signsInAs(entry)} and has no owner` }));
    },
  }],
  ['exception-expired', {
    id: 'exception-expired',
    level: 'error',
    summary: 'No exception in unattended.yaml has expired: renew it with a new approval, or remove it.',
    check(input) {
      return exceptions(input)
        .filter(({ entry }) => exceptionState(entry, input.day, input.thresholds.expiringWithinDays) === 'expired')
        .map(({ entry, line }) => {
          const ago = -daysBetween(input.day, entry.expires);
          return { rule: 'exception-expired', level: 'error', subject: exceptionSubject(entry), identityId: null, ...onPolicy(input, line), message: `the exception for ${exceptionSubject(entry)} expired on ${entry.expires} (${plural(ago, 'day')} ago)` };
        });
    },
  }],
  ['exception-without-approver', {
    id: 'exception-without-approver',
    level: 'error',
    summary: 'Every exception names who approved it.',
    check(input) {
      return exceptions(input)
        .filter(({ entry }) => entry.approver === undefined)
        .map(({ entry, line }) => ({ rule: 'exception-without-approver', level: 'error', subject: exceptionSubject(entry), identityId: null, ...onPolicy(input, line), message: `the exception for ${exceptionSubject(entry)} has no approver` }));
    },
  }],
  ['exception-too-long', {
    id: 'exception-too-long',
    level: 'error',
    summary: 'No exception lasts longer than gate.maxExceptionDays from its approval, nor ends before it starts.',
    check(input) {
      const max = input.thresholds.maxExceptionDays;
      return exceptions(input).flatMap(({ entry, line }): GateFinding[] => {
        const length = daysBetween(entry.created, entry.expires);
        if (length >= 0 && length <= max) return [];
        const message = length < 0
          ? `the exception for ${exceptionSubject(entry)} expires (${entry.expires}) before it was created (${entry.created})`
          : `the exception for ${exceptionSubject(entry)} lasts ${plural(length, 'day')} (${entry.created} to ${entry.expires}), more than the maximum of ${max}`;
        return [{ rule: 'exception-too-long', level: 'error', subject: exceptionSubject(entry), identityId: null, ...onPolicy(input, line), message }];
      });
    },
  }],
  ['retired-identity-active', {
    id: 'retired-identity-active',
    level: 'error',
    summary: 'An identity retired in unattended.yaml does not sign in or write on or after its retirement day.',
    check(input) {
      const retirements = input.config?.retirements ?? [];
      return input.state.identities
        .filter((identity) => identity.retiredActive === true)
        .map((identity) => {
          const refs = [identity.id, identity.upn].filter((ref): ref is string => ref !== null).map((ref) => ref.toLowerCase());
          const index = retirements.findIndex((entry) => refs.includes(entry.identity.trim().toLowerCase()));
          const decidedBy = retirements[index]?.decidedBy;
          return {
            rule: 'retired-identity-active', level: 'error', subject: nameOf(identity), identityId: identity.id, ...onPolicy(input, input.lines.retirements[index] ?? null),
            message: `${nameOf(identity)} was retired from ${identity.retiredOn ?? '?'}${decidedBy ? ` (decided by ${decidedBy})` : ''} but was active on ${identity.lastActivity?.slice(0, 10) ?? '?'}`,
          };
        });
    },
  }],
  ['new-breaking-automation', {
    id: 'new-breaking-automation',
    level: 'error',
    summary: 'No place in code that signs in with a method mandatory MFA breaks appeared since the baseline snapshot.',
    check(input) {
      if (input.baseline === null) return [];
      return addedAutomation(input.baseline.automation, input.state.automation).map((entry) => ({
        rule: 'new-breaking-automation', level: 'error', subject: codeSubject(entry), identityId: null, file: entry.file, line: entry.line,
        message: `${codeSubject(entry)} is new since the baseline: it ${signsInAs(entry)}`,
      }));
    },
  }],
  ['breaking-automation-not-excepted', {
    id: 'breaking-automation-not-excepted',
    level: 'error',
    summary: 'Every place in code that signs in with a method mandatory MFA breaks is covered by an exception that holds today, until it is migrated.',
    check(input) {
      return input.state.automation
        .filter((entry) => entry.exceptionState === null || !exceptionHolds(entry.exceptionState))
        .map((entry) => ({
          rule: 'breaking-automation-not-excepted', level: 'error', subject: codeSubject(entry), identityId: null, file: entry.file, line: entry.line,
          message: `${codeSubject(entry)} ${signsInAs(entry)}, which mandatory MFA breaks, and ${entry.exceptedBy === null ? 'no exception covers it' : `its exception (${entry.exceptedBy}) is ${entry.exceptionState ?? 'not in force'}`}`,
        }));
    },
  }],
  ['exception-expiring', {
    id: 'exception-expiring',
    level: 'warning',
    summary: 'An exception expires within gate.expiringWithinDays: migrate, or renew it in time.',
    check(input) {
      return exceptions(input)
        .filter(({ entry }) => exceptionState(entry, input.day, input.thresholds.expiringWithinDays) === 'expiring')
        .map(({ entry, line }) => {
          const left = daysBetween(input.day, entry.expires);
          return {
            rule: 'exception-expiring', level: 'warning', subject: exceptionSubject(entry), identityId: null, ...onPolicy(input, line),
            message: `the exception for ${exceptionSubject(entry)} expires on ${entry.expires} (${left === 0 ? 'today' : `in ${plural(left, 'day')}`})${entry.untilMigrationOf ? `, waiting for the migration of ${entry.untilMigrationOf}` : ''}`,
          };
        });
    },
  }],
]);
