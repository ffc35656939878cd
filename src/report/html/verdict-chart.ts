import { CLASS_LABEL, VERDICT_LABEL, VERDICT_URGENCY } from '../presentation.js';
import { escapeHtml } from './escape-html.js';
import { presentClasses, type Tally } from './tally.js';

const WIDTH = 640;
const LABEL_WIDTH = 130;
const TOTAL_WIDTH = 56;
const BAR_WIDTH = WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
const ROW = 30;
const BAR = 20;
/** Narrower segments get no number inside; their count is in the tooltip and the matrix. */
const MIN_LABELLED = 22;

function round(value: number): string {
  return value.toFixed(1).replace(/\.0$/u, '');
}

/**
 * Verdict mix per class as 100 % stacked bars, drawn here as SVG rather than with a chart library: one static
 * chart does not justify ~1 MB of inlined ECharts in a file meant to be mailed to an auditor. Each bar is its
 * class's own 100 %, so 15 service accounts stay readable beside 300 humans; the total sits at the right.
 */
export function renderVerdictChart(counts: Tally): string {
  const classes = presentClasses(counts);
  if (classes.length === 0) return `<p class="empty">No identities to chart.</p>`;
  const height = classes.length * ROW + 6;
  const rows = classes.map((identityClass, index) => {
    const total = counts.byClass[identityClass];
    const y = index * ROW + 4;
    let x = LABEL_WIDTH;
    const segments: string[] = [];
    for (const verdict of VERDICT_URGENCY) {
      const n = counts.matrix[identityClass][verdict];
      if (n === 0) continue;
      const width = (n / total) * BAR_WIDTH;
      const share = Math.round((n / total) * 100);
      const title = `${CLASS_LABEL[identityClass]} · ${VERDICT_LABEL[verdict]}: ${n} (${share}%)`;
      segments.push(
        `<rect class="seg-${verdict}" x="${round(x)}" y="${y}" width="${round(width)}" height="${BAR}"><title>${escapeHtml(title)}</title></rect>`,
      );
      if (width >= MIN_LABELLED) {
        segments.push(`<text class="in" x="${round(x + width / 2)}" y="${y + 14}" text-anchor="middle">${n}</text>`);
      }
      x += width;
    }
    return `<text x="0" y="${y + 14}">${escapeHtml(CLASS_LABEL[identityClass])}</text>
${segments.join('\n')}
<text class="muted" x="${WIDTH}" y="${y + 14}" text-anchor="end">${total.toLocaleString('en-US')}</text>`;
  });
  const legend = VERDICT_URGENCY.map((verdict) => `<span><i class="v-${verdict}"></i>${escapeHtml(VERDICT_LABEL[verdict])}</span>`).join('');
  return `<div class="chart"><svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Verdicts by identity class">
${rows.join('\n')}
</svg><div class="legend">${legend}</div></div>`;
}
