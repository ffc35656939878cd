import type { Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { featureQuery } from '../features/kql/feature-query.js';
import { ROWS_PER_SHARD, sizingQuery } from '../sources/collect/loganalytics/pushdown.js';
import { collectWindow } from './collect-window.js';
import { EXIT_OK } from './exit.js';

/**
 * `unattended kql`: the feature queries collect --from-log-analytics runs, printed, for people who want to run them
 * in Log Analytics, Sentinel or Azure Data Explorer themselves: the sizing query, then one feature query per shard.
 */
const optionsSchema = z.object({
  since: z.string().min(1).default('30d'),
  until: z.string().min(1).optional(),
  shards: z.coerce.number({ error: () => ({ message: '--shards takes a whole number from 1 to 1024' }) }).int('--shards takes a whole number from 1 to 1024').min(1, '--shards takes a whole number from 1 to 1024').max(1024, '--shards takes a whole number from 1 to 1024').default(1),
});

export function kqlText(since: Date, until: Date, shards: number): string {
  const parts = [
    `// How many principals and sign-ins the window holds: collect splits the principals into shards of ${ROWS_PER_SHARD.toLocaleString('en-US')}.\n${sizingQuery(since, until)}`,
    ...Array.from({ length: shards }, (_, index) => featureQuery({ since, until, shard: shards === 1 ? null : { index, count: shards } })),
  ];
  return `${parts.join('\n\n')}\n`;
}

export function registerKql(program: Command): void {
  program
    .command('kql')
    .description('print the per-identity feature queries as KQL, to run in Log Analytics, Sentinel or Azure Data Explorer')
    .option('--since <when>', 'start of the window: 30d, 12h, a date or an ISO time (default 30d)')
    .option('--until <time>', 'end of the window: a date or an ISO time (default now)')
    .option('--shards <n>', 'split the principals by hash into this many queries (default 1)')
    .action((raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended kql --help');
      const window = collectWindow(parsed.data.since, parsed.data.until, new Date());
      process.stdout.write(kqlText(window.since, window.until, parsed.data.shards));
      process.exitCode = EXIT_OK;
    });
}
