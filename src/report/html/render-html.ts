import { DETAIL_BLOCK, OVERVIEW_BLOCK, TABLE_BLOCK } from '../view-model/embedded-format.js';
import { OverviewBuilder } from '../view-model/overview-builder.js';
import { partsOf } from '../report-bytes.js';
import type { ReportFile, ReportInput } from '../report-input.js';
import { gzipBase64 } from './gzip-base64.js';
import { jsonInScript } from './json-in-script.js';
import { appScript, pageEnd, pageStart } from './page-shell.js';
import { TableColumns } from './table-columns.js';
import { webAssets, type WebAssets } from './web-assets.js';

export const REPORT_HTML = 'report.html';

/**
 * report.html part by part, in one pass over the identities' rows: the table's columns (a few bytes per identity, and
 * where its details are) and the overview's counts, written once every identity is counted. Then the script, and
 * after it the details, compressed in chunks by the threads that analysed them (about 76 bytes an identity): the
 * browser runs the script, which draws every view from the blocks above it (web/src/data/embedded-source.ts), while it
 * is still parsing the details (most of the file), which nothing needs until an identity is opened. The page loads
 * nothing.
 */
export function* reportHtmlParts(input: ReportInput, assets: WebAssets = webAssets()): Iterable<string> {
  const title = `unattended report · ${input.analysis.tenantId ?? 'tenant'} · ${input.analysis.asOf.slice(0, 10)}`;
  yield pageStart(title, assets, 'report');
  const table = new TableColumns();
  const overview = new OverviewBuilder(input.scanFindings);
  for (const entry of input.identities.entries()) {
    const row = entry.row();
    table.add(row, entry.detail());
    overview.add(row, entry.plan());
  }
  yield `<script type="text/plain" id="${TABLE_BLOCK}">${gzipBase64(JSON.stringify(table.finish()))}</script>\n`;
  const { summary: _summary, ...head } = input.analysis;
  yield `<script type="application/json" id="${OVERVIEW_BLOCK}">${jsonInScript(overview.finish(head, input.imports, input.generatedAt, input.history ?? null))}</script>\n`;
  yield appScript(assets);
  yield `<script type="text/plain" id="${DETAIL_BLOCK}">`;
  for (const chunk of input.identities.detailChunks()) yield `${chunk}\n`;
  yield `</script>\n`;
  yield pageEnd();
}

/** The whole page as one string (tests, small tenants). */
export function renderHtml(input: ReportInput, assets?: WebAssets): string {
  return [...reportHtmlParts(input, assets)].join('');
}

export function htmlReporter(input: ReportInput): ReportFile[] {
  return [{ fileName: REPORT_HTML, bytes: partsOf(() => reportHtmlParts(input)) }];
}
