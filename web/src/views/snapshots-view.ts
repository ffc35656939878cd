import { VERDICT_URGENCY } from '../../../src/report/presentation.js';
import type { Overview, SnapshotPointView } from '../../../src/report/view-model/view-types.js';
import { numberField } from '../charts/chart-params.js';
import { createChart, cssColour, TOOLTIP_BASE, tooltipBody } from '../charts/echarts-setup.js';
import { el, section } from '../dom.js';
import { count, VERDICT_LABEL } from '../format.js';

function label(point: SnapshotPointView): string {
  return `#${point.id} · ${point.takenAt.slice(0, 10)}`;
}

function gate(point: SnapshotPointView): string {
  if (point.gateProblems === null) return '—';
  return point.gateProblems === 0 ? 'passed' : `${count(point.gateProblems)} problems`;
}

function pointTable(points: readonly SnapshotPointView[]): HTMLElement {
  const node = el('table');
  node.id = 'snapshot-table';
  const head = el('tr');
  head.append(el('th', null, 'Snapshot'), el('th', null, 'Taken'), el('th', null, 'By'), el('th', null, 'As of'), el('th', 'num', 'Identities'),
    ...VERDICT_URGENCY.map((verdict) => el('th', 'num', `SA ${VERDICT_LABEL[verdict].toLowerCase()}`)), el('th', null, 'Gate'));
  const body = el('tbody');
  for (const point of [...points].reverse()) {
    const row = el('tr');
    row.dataset['snapshot'] = String(point.id);
    row.append(el('td', null, `#${point.id}`), el('td', 'mono', point.takenAt.slice(0, 16).replace('T', ' ')), el('td', null, point.command), el('td', 'mono', point.asOf.slice(0, 10)),
      el('td', 'num', count(point.identities)), ...VERDICT_URGENCY.map((verdict) => el('td', 'num', count(point.serviceAccounts[verdict]))), el('td', null, gate(point)));
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  node.append(thead, body);
  const wrap = el('div', 'table-wrap');
  wrap.append(node);
  return wrap;
}

/**
 * Governance over time, from the snapshots analyze and check keep: the service accounts by verdict at each run (is
 * the migration getting anywhere?), and what changed in the latest run against the one before, in `unattended
 * diff`'s words. Drawn only when the store keeps snapshots.
 */
export function snapshotsView(overview: Overview): { view: HTMLElement; draw: () => void } | null {
  const snapshots = overview.snapshots;
  if (snapshots === null) return null;
  const { points, latest } = snapshots;
  const shown = snapshots.total > points.length ? ` (the latest ${count(points.length)} of ${count(snapshots.total)})` : '';
  const view = section('snapshots', 'Over time', `Service accounts by verdict at each snapshot that analyze and check kept${shown}, and what changed in the latest run.`);
  const canvas = el('div', 'chart-box snapshots-chart');
  view.append(canvas, pointTable(points));

  const changes = el('div', 'snapshot-changes');
  changes.id = 'snapshot-changes';
  if (latest === null) {
    changes.append(el('p', 'empty', 'One snapshot so far: the next analyze or check shows what changed.'));
  } else {
    changes.append(el('h3', null, `Snapshot #${latest.from.id} → #${latest.to.id}${latest.policyChanged ? ' · the policy file changed' : ''}`));
    const between = latest.changes.filter((change) => change.scope === 'change');
    const standing = latest.changes.filter((change) => change.scope === 'state');
    if (between.length === 0) changes.append(el('p', 'empty', 'No changes.'));
    for (const change of [...between, ...standing]) {
      if (change === standing[0]) changes.append(el('h3', null, `As of snapshot #${latest.to.id}`));
      const block = el('div', 'change');
      block.dataset['change'] = change.key;
      const more = change.total > change.items.length ? ` · ${count(change.items.length)} listed; unattended diff lists all` : '';
      block.append(el('h4', null, `${change.title} (${count(change.total)})${more}`));
      const list = el('ul');
      for (const item of change.items) {
        const line = el('li');
        line.append(el('strong', null, item.subject), el('span', null, `: ${item.detail}`));
        list.append(line);
      }
      block.append(list);
      changes.append(block);
    }
  }
  view.append(changes);

  let chart: ReturnType<typeof createChart> | null = null;
  function draw(): void {
    chart ??= createChart(canvas);
    const categories = points.map(label);
    const series = VERDICT_URGENCY.map((verdict) => ({
      type: 'bar' as const,
      name: VERDICT_LABEL[verdict],
      stack: 'verdicts',
      barMaxWidth: 40,
      itemStyle: { color: cssColour(verdict) },
      data: points.map((point) => point.serviceAccounts[verdict]),
    }));
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, data: series.map((item) => item.name) },
      tooltip: {
        ...TOOLTIP_BASE,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = Array.isArray(params) ? params : [params];
          const at = list.map((item) => numberField(item, 'dataIndex')).find((index) => index !== null) ?? 0;
          const point = points[at];
          if (point === undefined) return tooltipBody('', []);
          return tooltipBody(`${label(point)} · ${point.command}`, VERDICT_URGENCY.map((verdict) => [VERDICT_LABEL[verdict], count(point.serviceAccounts[verdict])] as const));
        },
      },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    });
  }
  return { view, draw };
}
