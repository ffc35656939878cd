import type { IdentityAnalysis } from '../../model/analysis.js';
import type { OwnerLeads } from '../../model/governance.js';

/** One identity init lists, with what the store says about who may own it. */
export interface StarterEntry {
  identity: Pick<IdentityAnalysis, 'id' | 'upn' | 'displayName' | 'kind' | 'class' | 'verdict' | 'breaksOn'>;
  leads: OwnerLeads;
}

export interface StarterInput {
  source: string;
  asOf: string;
  tenantId: string | null;
  enforcement: { phase1: string; phase2: string };
  breakGlass: string[];
  gate: { maxExceptionDays: number; expiringWithinDays: number };
  entries: StarterEntry[];
  /** Workload identities left out: apps another organisation publishes and owns. */
  foreignApps: number;
}

/** A scalar YAML reads back exactly: JSON's double-quoted strings are YAML's too. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Text inside a `#` comment: a line break or control character in a tenant string cannot end the comment. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (char) => `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0') ?? '0000'}`);
}

function status(identity: StarterEntry['identity']): string {
  const verdict = identity.verdict === 'breaks' ? `breaks ${identity.breaksOn ?? '?'}` : identity.verdict;
  return `${identity.class}, ${verdict}`;
}

function entryLines(entry: StarterEntry): string[] {
  const { identity, leads } = entry;
  const name = identity.upn ?? identity.displayName;
  const lines = [`  # ${commentText(name)}${identity.upn && identity.displayName !== identity.upn ? ` ("${commentText(identity.displayName)}")` : ''}: ${status(identity)}`];
  for (const suggestion of leads.suggestions) {
    lines.push(`  #   suggested owner: ${commentText(suggestion.who)}${suggestion.name ? ` (${commentText(suggestion.name)})` : ''}`);
    for (const reason of suggestion.because) lines.push(`  #     - ${commentText(reason)}`);
  }
  for (const place of leads.code) lines.push(`  #   signs in from ${commentText(place)}: the team owning it may own the account`);
  if (leads.suggestions.length === 0 && leads.code.length === 0) lines.push('  #   no owner in the data: ask who runs it');
  lines.push(identity.upn ? `  - upn: ${quoted(identity.upn)}` : `  - id: ${quoted(identity.id)}`, '    owner: null');
  return lines;
}

/**
 * The starter unattended.yaml: every non-human identity listed with `owner: null` and, in comments only, who the data
 * suggests and why. A person decides by replacing null with an owner in a reviewed pull request.
 */
export function starterPolicy(input: StarterInput): string {
  const lines = [
    `# unattended.yaml, a starter written by \`unattended init\` from ${commentText(input.source)} as of ${input.asOf}.`,
    '# Policy as code: review every change in a pull request. Owners are null until someone decides; the suggestions',
    '# below are comments, never decisions. Schema for editors: schema/unattended.schema.json (docs/governance.md).',
    ...(input.tenantId ? ['tenant:', `  id: ${quoted(input.tenantId)}`] : []),
    'enforcement:',
    `  phase1: ${quoted(input.enforcement.phase1)}`,
    `  phase2: ${quoted(input.enforcement.phase2)}`,
    ...(input.breakGlass.length > 0 ? ['breakGlass:', ...input.breakGlass.map((upn) => `  - ${quoted(upn)}`)] : []),
    'gate:',
    `  maxExceptionDays: ${input.gate.maxExceptionDays}`,
    `  expiringWithinDays: ${input.gate.expiringWithinDays}`,
    `# ${input.entries.length} identities that are not people${input.foreignApps > 0 ? ` (${input.foreignApps} service principals of apps other organisations publish are left out)` : ''}.`,
    input.entries.length > 0 ? 'owners:' : 'owners: []',
    ...input.entries.flatMap(entryLines),
    '# An approved exception: identity (or path), reason, approver, created, expires (at most gate.maxExceptionDays later).',
    'exceptions: []',
    '# A decision to retire an identity: identity, decidedBy, date.',
    'retirements: []',
    '',
  ];
  return lines.join('\n');
}
