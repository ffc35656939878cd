import type { IdentityAnalysis } from '../../model/analysis.js';
import { escapeHtml } from './escape-html.js';

/** Plans of workload migrations and retirements (people's MFA enrolment is in the identity table): how many rows at most. */
const MAX_ROWS = 200;

function subjectText(identity: IdentityAnalysis): string {
  const target = identity.plan?.target;
  if (!target) return '';
  const subjects = target.subjects.map((subject) => subject.subject ?? subject.claimsMatchingExpression ?? '').filter((text) => text.length > 0);
  if (subjects.length > 0) return subjects.join(', ');
  return target.assignment ?? target.name ?? '';
}

function roleText(identity: IdentityAnalysis): string {
  const lp = identity.plan?.leastPrivilege;
  if (!lp) return '';
  const custom = lp.custom ? `${lp.custom.actions.length + lp.custom.deleteActions.length} actions at ${lp.custom.scopes.length} scope${lp.custom.scopes.length === 1 ? '' : 's'}` : 'no writes observed';
  const best = lp.builtIn[0];
  return best ? `${custom}; closest built-in: ${best.name}` : custom;
}

/** The migration plans as a static table: target, federation subject, least-privilege role and stage, all escaped. */
export function renderPlansSection(identities: readonly IdentityAnalysis[]): string {
  const planned = identities.filter((identity) => identity.plan && identity.plan.target.kind !== 'enroll-mfa');
  if (planned.length === 0) return '';
  const rows = planned.slice(0, MAX_ROWS).map((identity) => {
    const plan = identity.plan;
    const stage = plan ? `${plan.stage.stage}${plan.stage.command ? `: ${plan.stage.command}` : ''}` : '';
    return `<tr><td>${escapeHtml(identity.upn ?? identity.displayName)}</td><td>${escapeHtml(plan?.target.kind ?? '')}</td><td>${escapeHtml(subjectText(identity))}</td><td>${escapeHtml(roleText(identity))}</td><td>${escapeHtml(stage)}</td></tr>`;
  });
  const more = planned.length > MAX_ROWS ? `<p class="lead">${planned.length - MAX_ROWS} more in analysis.json (plan).</p>` : '';
  return `<section id="plans"><h2>Migration plans</h2>
<p class="lead">Each account's target, the federated credential subject read from its pipeline, the least-privilege role from its Activity log, and where the migration stands. <code>unattended plan ID --emit terraform|bicep|cli|patch</code> writes the artifacts.</p>
<div class="table-wrap"><table id="plan-table"><thead><tr><th>Identity</th><th>Target</th><th>Subject / kind</th><th>Least privilege</th><th>Stage</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>${more}
</section>`;
}
