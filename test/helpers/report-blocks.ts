import { gunzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import type { EmbeddedDetailChunk, EmbeddedTable } from '../../src/report/view-model/embedded-format.js';
import { embeddedDetailChunkSchema, embeddedTableSchema, overviewSchema } from '../../src/report/view-model/view-schemas.js';
import type { Overview } from '../../src/report/view-model/view-types.js';

/** The text of report.html's `<script>` data block with this id. */
export function reportBlock(html: string, id: string): string {
  const match = new RegExp(`<script type="[^"]+" id="${id}"[^>]*>(?<body>[^<]*)</script>`, 'u').exec(html);
  if (!match?.groups) throw new Error(`report.html has no #${id} block`);
  return match.groups['body'] ?? '';
}

function gunzipJson(base64: string): unknown {
  return JSON.parse(gunzipSync(Buffer.from(base64, 'base64')).toString('utf8'));
}

/** report.html's data blocks decoded as the page decodes them, and checked against the schemas it checks them with. */
export function reportBlocks(html: string): { table: EmbeddedTable; overview: Overview; chunks: EmbeddedDetailChunk[] } {
  const details = reportBlock(html, 'detail-data').trim();
  return {
    table: z.parse(embeddedTableSchema, gunzipJson(reportBlock(html, 'table-data'))),
    overview: z.parse(overviewSchema, JSON.parse(reportBlock(html, 'overview-data'))),
    chunks: details === '' ? [] : details.split('\n').map((line) => z.parse(embeddedDetailChunkSchema, gunzipJson(line))),
  };
}
