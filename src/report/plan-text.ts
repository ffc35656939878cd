import type { IdentityAnalysis } from '../model/analysis.js';
import type { MigrationPlan } from '../model/plan.js';
import { terminalSafe } from './terminal-text.js';

type Plain = (text: string) => string;

/** Markdown: no HTML, no link or emphasis syntax from a hostile string. */
function markdownSafe(text: string): string {
  return terminalSafe(text).replace(/[\\`*_[\]<>|#]/gu, (char) => `\\${char}`);
}

function targetLine(plan: MigrationPlan): string {
  const target = plan.target;
  const parts: string[] = [target.kind];
  if (target.assignment) parts.push(`(${target.assignment})`);
  if (target.platform) parts.push(`from ${target.platform}`);
  if (target.name) parts.push(`as ${target.name}`);
  return parts.join(' ');
}

/** One identity's plan as text: `plan ID` in a terminal (table) or as Markdown. Every tenant or code string is made safe. */
export function renderPlan(identity: Pick<IdentityAnalysis, 'id' | 'upn' | 'displayName' | 'verdict'>, plan: MigrationPlan, format: 'table' | 'markdown'): string {
  const md = format === 'markdown';
  const safe: Plain = md ? markdownSafe : terminalSafe;
  const heading = (text: string): string => (md ? `\n## ${text}\n` : `\n${text}`);
  const item = (text: string): string => (md ? `- ${text}` : `  ${text}`);
  const code = (text: string): string => (md ? `\`${text.replace(/`/gu, "'")}\`` : text);
  const lines: string[] = [md ? `# Migration plan: ${safe(identity.upn ?? identity.displayName)}` : `plan for ${safe(identity.upn ?? identity.displayName)} (${identity.id}), ${identity.verdict}`];
  lines.push(heading('target'), item(safe(targetLine(plan))));
  for (const reason of plan.target.reasons) lines.push(item(safe(reason)));
  for (const subject of plan.target.subjects) {
    lines.push(item(`issuer ${code(safe(subject.issuer))} subject ${code(safe(subject.subject ?? subject.claimsMatchingExpression ?? ''))} (${safe(subject.from)})`));
  }
  const lp = plan.leastPrivilege;
  if (lp) {
    lines.push(heading('least privilege'));
    if (lp.custom) {
      lines.push(item(`custom role "${safe(lp.custom.name)}" at ${lp.custom.scopes.map((scope) => code(safe(scope))).join(', ')}`));
      lines.push(item(`actions: ${lp.custom.actions.map((action) => code(safe(action))).join(', ') || 'none'}`));
      if (lp.custom.deleteActions.length > 0) lines.push(item(`deletes (apart): ${lp.custom.deleteActions.map((action) => code(safe(action))).join(', ')}`));
      lines.push(item(`reads it implies: ${lp.custom.readActions.map((action) => code(safe(action))).join(', ')}`));
    }
    for (const role of lp.builtIn.slice(0, 3)) {
      const everything = role.excessPermissions.some((permission) => permission === '*' || permission.startsWith('* '));
      const beyond = everything ? 'every other action (*)' : `${role.excess} permission${role.excess === 1 ? '' : 's'} beyond them`;
      lines.push(item(`built-in ${safe(role.name)}: allows ${role.covers}/${role.of} observed, and ${beyond}`));
    }
    for (const removed of lp.remove) lines.push(item(`remove ${safe(removed.roleName)} at ${code(safe(removed.scope))}: ${safe(removed.why)}`));
    for (const note of lp.notes) lines.push(item(safe(note)));
  }
  if (plan.automation.length > 0) {
    lines.push(heading('automation to change'));
    for (const change of plan.automation) lines.push(item(`${code(safe(`${change.file}:${change.line}`))} ${change.authMethod}: ${safe(change.change)}${change.patch ? ' (patch: --emit patch)' : ''}`));
  }
  if (plan.secrets.length > 0) {
    lines.push(heading('delete after the cut-over'));
    for (const secret of plan.secrets) lines.push(item(safe(secret)));
  }
  lines.push(heading('stage'), item(`${plan.stage.stage}: ${safe(plan.stage.detail)}`));
  if (plan.stage.command) lines.push(item(code(safe(plan.stage.command))));
  return `${lines.join('\n')}\n`;
}
