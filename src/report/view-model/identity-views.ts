import type { IdentityAnalysis } from '../../model/analysis.js';
import type { MigrationPlan } from '../../model/plan.js';
import { exceptionSummary, keyValues, ownerTeam } from './governance-fields.js';
import type { IdentityDetail, KeyValue, PlanSummary, TableRow } from './view-types.js';

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** The federated credential subjects, else where a managed identity is assigned, else the new identity's name. */
function subjectText(plan: MigrationPlan): string | null {
  const subjects = plan.target.subjects.map((subject) => subject.subject ?? subject.claimsMatchingExpression ?? '').filter((text) => text !== '');
  if (subjects.length > 0) return subjects.join(', ');
  return plan.target.assignment ?? plan.target.name;
}

function leastPrivilegeText(plan: MigrationPlan): string | null {
  const lp = plan.leastPrivilege;
  if (lp === null) return null;
  const custom = lp.custom ? `${plural(lp.custom.actions.length + lp.custom.deleteActions.length, 'action')} at ${plural(lp.custom.scopes.length, 'scope')}` : 'no writes observed';
  const best = lp.builtIn[0];
  return best ? `${custom}; closest built-in: ${best.name}` : custom;
}

/**
 * A migration or retirement in a line per fact, for the overview's plan list; null without a plan, and for people's
 * MFA enrolment, which the identity table already says (its action).
 */
export function planSummaryOf(identity: IdentityAnalysis): PlanSummary | null {
  const plan = identity.plan ?? null;
  if (plan === null || plan.target.kind === 'enroll-mfa') return null;
  return { target: plan.target.kind, subject: subjectText(plan), leastPrivilege: leastPrivilegeText(plan), stage: plan.stage.stage, command: plan.stage.command };
}

/** Every fact of a plan the detail view lists, in the order someone carrying it out needs them. */
export function planFacts(plan: MigrationPlan): KeyValue[] {
  const facts: KeyValue[] = [['Stage', `${plan.stage.stage}: ${plan.stage.detail}`]];
  if (plan.stage.command !== null) facts.push(['Next command', plan.stage.command]);
  const target = [plan.target.kind, plan.target.assignment, plan.target.platform].filter((part) => part !== null).join(' · ');
  facts.push(['Target', plan.target.name === null ? target : `${target} · ${plan.target.name}`]);
  for (const subject of plan.target.subjects) {
    const match = subject.subject ?? subject.claimsMatchingExpression ?? '';
    const unresolved = subject.unresolved.length > 0 ? ` (to fill in: ${subject.unresolved.join(', ')})` : '';
    facts.push(['Federated credential', `${subject.issuer} · ${match} · from ${subject.from}${unresolved}`]);
  }
  if (plan.target.runsOn.length > 0) facts.push(['Runs on', plan.target.runsOn.join(', ')]);
  for (const reason of plan.target.reasons) facts.push(['Why this target', reason]);
  const lp = plan.leastPrivilege;
  if (lp !== null) {
    if (lp.custom !== null) {
      facts.push(['Custom role', `${lp.custom.name} at ${lp.custom.scopes.join(', ')}`]);
      for (const observed of lp.custom.observed) facts.push(['Observed', `${observed.action} × ${observed.count} on ${plural(observed.resources, 'resource')}`]);
      if (lp.custom.deleteActions.length > 0) facts.push(['Deletes (kept apart)', lp.custom.deleteActions.join(', ')]);
    }
    for (const role of lp.builtIn.slice(0, 3)) facts.push(['Built-in role', `${role.name}: covers ${role.covers} of ${role.of}, ${plural(role.excess, 'permission')} beyond`]);
    for (const removed of lp.remove) facts.push(['Remove', `${removed.roleName} at ${removed.scope}: ${removed.why}`]);
    for (const note of lp.notes) facts.push(['Note', note]);
  }
  for (const change of plan.automation) facts.push(['Change', `${change.file}:${change.line}: ${change.change}`]);
  if (plan.secrets.length > 0) facts.push(['Secrets to delete', plan.secrets.join(', ')]);
  return facts;
}

/** An identity as a row of the table; `index` is its place in the contract's order. */
export function tableRowOf(identity: IdentityAnalysis, index: number): TableRow {
  return {
    index,
    id: identity.id,
    upn: identity.upn,
    displayName: identity.displayName,
    kind: identity.kind,
    class: identity.class,
    confidence: identity.confidence,
    verdict: identity.verdict,
    breaksOn: identity.breaksOn,
    phase: identity.phase,
    action: identity.recommendation.action,
    owner: ownerTeam(identity.owner),
    exception: exceptionSummary(identity.exception),
    stage: identity.plan?.stage.stage ?? null,
    automation: identity.automation.length,
  };
}

/** Everything the detail view shows: the row, the evidence, the proof, the code, the rhythm and the governance. */
export function detailOf(identity: IdentityAnalysis, index: number, hourOfWeek: readonly number[] | null): IdentityDetail {
  return {
    ...tableRowOf(identity, index),
    evidence: identity.evidence.map((item) => ({ signal: item.signal, detail: item.detail, weight: item.weight })),
    reasons: [...identity.reasons],
    automationLinks: identity.automation.map((link) => ({ file: link.file, line: link.line, authMethod: link.authMethod })),
    why: identity.recommendation.why,
    // An identity that never signed in has no rhythm to draw.
    hourOfWeek: hourOfWeek === null || hourOfWeek.every((count) => count === 0) ? null : [...hourOfWeek],
    plan: identity.plan ? planFacts(identity.plan) : null,
    ownerDetail: keyValues(identity.owner, 'Owner'),
    exceptionDetail: keyValues(identity.exception, 'Exception'),
  };
}
