import { VERDICT_URGENCY } from '../../../src/report/presentation.js';
import { NO_VALUE, type Overview, type OwnerTally } from '../../../src/report/view-model/view-types.js';
import { numberField } from '../charts/chart-params.js';
import { createChart, cssColour, TOOLTIP_BASE, tooltipBody } from '../charts/echarts-setup.js';
import { el, section, visible } from '../dom.js';
import { count, VERDICT_LABEL } from '../format.js';
import type { QueryState } from '../query-state.js';

/** Teams in the chart: the most urgent; the table lists every team. */
const CHARTED_TEAMS = 12;
const NO_OWNER_LABEL = 'No owner';

function ownerLabel(tally: OwnerTally): string {
  return tally.owner === null ? NO_OWNER_LABEL : tally.owner;
}

function ownerTable(owners: readonly OwnerTally[], state: QueryState): HTMLElement {
  const table = el('table', 'owners');
  const head = el('tr');
  head.append(el('th', null, 'Owner team'), ...VERDICT_URGENCY.map((verdict) => el('th', 'num', VERDICT_LABEL[verdict])), el('th', 'num', 'Total'));
  const body = el('tbody');
  for (const tally of owners) {
    const row = el('tr', 'owner-row');
    row.tabIndex = 0;
    row.dataset['owner'] = tally.owner ?? NO_VALUE;
    row.append(el('td', tally.owner === null ? 'empty' : null, ownerLabel(tally)), ...VERDICT_URGENCY.map((verdict) => el('td', 'num', count(tally.byVerdict[verdict]))), el('td', 'num', count(tally.total)));
    const pick = (): void => state.reset({ owner: tally.owner ?? NO_VALUE });
    row.addEventListener('click', pick);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') pick();
    });
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  return table;
}

/** A view per owner team: shown only when governance names owners. */
export function ownersView(overview: Overview, state: QueryState): { view: HTMLElement; draw: () => void } | null {
  if (overview.owners.length === 0) return null;
  const view = section('owners', 'By owner team', 'Who has to act: each team\'s identities by verdict, most urgent first. Click a team to list its identities.');
  const canvas = el('div', 'chart-box owners-chart');
  const wrap = el('div', 'table-wrap');
  wrap.append(ownerTable(overview.owners, state));
  view.append(canvas, wrap);
  const charted = overview.owners.slice(0, CHARTED_TEAMS).reverse();
  let chart: ReturnType<typeof createChart> | null = null;
  function draw(): void {
    chart ??= createChart(canvas);
    chart.setOption({
      animation: false,
      grid: { left: 170, right: 16, top: 30, bottom: 8 },
      legend: { top: 0, data: VERDICT_URGENCY.map((verdict) => VERDICT_LABEL[verdict]) },
      tooltip: {
        ...TOOLTIP_BASE,
        trigger: 'item',
        formatter: (params: unknown) => {
          const tally = charted[numberField(params, 'dataIndex') ?? -1];
          if (!tally) return '';
          return tooltipBody(visible(ownerLabel(tally)), VERDICT_URGENCY.map((verdict) => [VERDICT_LABEL[verdict], count(tally.byVerdict[verdict])] as const));
        },
      },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: charted.map((tally) => visible(ownerLabel(tally)).slice(0, 40)) },
      series: VERDICT_URGENCY.map((verdict) => ({
        type: 'bar' as const,
        name: VERDICT_LABEL[verdict],
        stack: 'owners',
        barMaxWidth: 20,
        itemStyle: { color: cssColour(verdict) },
        data: charted.map((tally) => tally.byVerdict[verdict]),
      })),
    });
    chart.on('click', (params: unknown) => {
      const tally = charted[numberField(params, 'dataIndex') ?? -1];
      if (tally) state.reset({ owner: tally.owner ?? NO_VALUE });
    });
  }
  // Tall enough for every charted team.
  canvas.style.height = `${60 + charted.length * 28}px`;
  return { view, draw };
}
