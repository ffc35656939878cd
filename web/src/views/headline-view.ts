import type { IdentityClass, Verdict } from '../../../src/model/analysis.js';
import { CLASS_ORDER, VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { Overview } from '../../../src/report/view-model/view-types.js';
import { button, el } from '../dom.js';
import { CLASS_LABEL, count, VERDICT_LABEL } from '../format.js';
import type { QueryState } from '../query-state.js';

const VERDICT_HINT: Readonly<Record<Verdict, string>> = {
  broken: 'failing now for want of MFA',
  breaks: 'will fail on an enforcement date',
  'at-risk': 'in scope, failure not certain',
  ready: 'in scope, all with MFA',
  'not-affected': 'workload identity or out of scope',
};

/** A number the headline states, marked so that a test can read it beside analyze's JSON. */
function figure(name: string, value: string): HTMLElement {
  const node = el('strong', 'figure', value);
  node.dataset['fact'] = name;
  return node;
}

/** The sentence the reader repeats: how many service accounts break, how many already have, and from when. */
function sentence(overview: Overview): HTMLElement {
  const { total, broken, breaks, atRisk, firstBreak } = overview.serviceAccounts;
  const line = el('p', 'headline');
  if (broken + breaks === 0) {
    line.append(figure('sa-failing', '0'), ` of ${count(total)} service accounts break under mandatory MFA`);
    if (atRisk > 0) line.append('; ', figure('sa-at-risk', count(atRisk)), ' are at risk');
    line.append('.');
    return line;
  }
  line.append(figure('sa-failing', count(broken + breaks)), ` of ${count(total)} service accounts break under mandatory MFA: `, figure('sa-broken', count(broken)), ' already broken');
  if (breaks > 0 && firstBreak !== null) line.append(', ', figure('sa-breaks', count(breaks)), ' from ', figure('sa-first-break', firstBreak));
  if (atRisk > 0) line.append('; ', figure('sa-at-risk', count(atRisk)), ' more at risk');
  line.append('.');
  return line;
}

function verdictCard(verdict: Verdict, value: number, state: QueryState): HTMLElement {
  const card = button('', `card v-${verdict}`);
  card.dataset['verdict'] = verdict;
  card.append(el('div', 'n', count(value)), el('div', null, VERDICT_LABEL[verdict]), el('div', 'l', VERDICT_HINT[verdict]));
  card.addEventListener('click', () => state.reset({ verdict }));
  return card;
}

function classCard(identityClass: IdentityClass, value: number, state: QueryState): HTMLElement {
  const card = button('', 'card c');
  card.dataset['class'] = identityClass;
  card.append(el('div', 'n', count(value)), el('div', null, CLASS_LABEL[identityClass]));
  card.addEventListener('click', () => state.reset({ class: identityClass }));
  return card;
}

export function headlineView(overview: Overview, state: QueryState): HTMLElement {
  const view = el('section');
  view.id = 'headline';
  const everyone = el('p', 'lead');
  everyone.append(
    'Of all ',
    figure('total', count(overview.total)),
    ' identities, ',
    figure('broken', count(overview.byVerdict.broken)),
    ' are failing now and ',
    figure('breaks', count(overview.byVerdict.breaks)),
    ' will fail on an enforcement date.',
  );
  const verdicts = el('div', 'cards');
  verdicts.append(...VERDICT_URGENCY.map((verdict) => verdictCard(verdict, overview.byVerdict[verdict], state)));
  const classes = el('div', 'cards');
  classes.append(...CLASS_ORDER.filter((identityClass) => overview.byClass[identityClass] > 0).map((identityClass) => classCard(identityClass, overview.byClass[identityClass], state)));
  view.append(sentence(overview), everyone, el('h2', null, 'Identities by verdict'), verdicts, el('h2', 'spaced', 'Identities by class'), classes);
  return view;
}
