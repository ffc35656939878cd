import { Option, type Command } from 'commander';
import { z } from 'zod';
import { diffStates } from '../engines/govern/diff-states.js';
import { UsageError } from '../errors.js';
import type { SnapshotMeta } from '../model/governance.js';
import { diffJson, diffTable } from '../report/diff/diff-table.js';
import { hasSnapshots, listSnapshots, loadSnapshot } from '../store/snapshots/read-snapshot.js';
import { snapshotAt } from '../store/snapshots/snapshot-ref.js';
import { openStore } from '../store/store.js';
import { dbOption, debugOption } from './common-options.js';
import { EXIT_OK } from './exit.js';

const optionsSchema = z.object({
  db: z.string().min(1),
  since: z.string().min(1).optional(),
  to: z.string().min(1).optional(),
  within: z.coerce.number({ error: () => ({ message: '--within takes a whole number of days' }) }).int('--within takes a whole number of days').min(0, '--within takes a whole number of days').optional(),
  format: z.enum(['table', 'json'], { error: () => ({ message: '--format must be table or json' }) }).default('table'),
  list: z.boolean().default(false),
});

function listing(snapshots: readonly SnapshotMeta[]): string {
  if (snapshots.length === 0) return 'no snapshots yet: unattended analyze and unattended check keep one per run\n';
  const rows = snapshots.map((s) => `${String(s.id).padStart(4)}  ${s.takenAt}  ${s.command.padEnd(7)}  as of ${s.asOf}${s.gateProblems === null ? '' : `  gate: ${s.gateProblems === 0 ? 'passed' : `${s.gateProblems} problems`}`}`);
  return `${rows.join('\n')}\n`;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('what changed between two analysis snapshots: new service accounts and breaking code, verdicts, owners, exceptions, retirements, stages')
    .addOption(dbOption())
    .option('--since <snapshot|date>', 'the earlier snapshot: a number, or the last one taken by a date (default: the one before --to)')
    .option('--to <snapshot>', 'the later snapshot (default: the latest)')
    .option('--within <days>', 'exceptions expiring within this many days (default: gate.expiringWithinDays of the later policy, else 14)')
    .addOption(new Option('--format <format>', 'table or json').default('table'))
    .option('--list', 'list the snapshots instead')
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended diff --help');
      const options = parsed.data;
      const store = await openStore(options.db, { readOnly: true });
      try {
        const snapshots = (await hasSnapshots(store)) ? await listSnapshots(store) : [];
        if (options.list) {
          process.stdout.write(listing(snapshots));
          process.exitCode = EXIT_OK;
          return;
        }
        const to = options.to === undefined ? snapshots.at(-1) : snapshotAt(snapshots, options.to, '--to');
        if (!to) throw new UsageError('no snapshots to compare yet', 'run unattended analyze (or check) twice: each run keeps a snapshot');
        const from = options.since === undefined ? [...snapshots].reverse().find((snapshot) => snapshot.id < to.id) : snapshotAt(snapshots, options.since, '--since');
        if (!from) throw new UsageError(options.since === undefined ? `snapshot ${to.id} is the first: nothing earlier to compare with` : `--since ${options.since}: no snapshot was taken by then`, 'unattended diff --list shows the snapshots');
        const [older, newer] = await Promise.all([loadSnapshot(store, from.id), loadSnapshot(store, to.id)]);
        if (!older || !newer) throw new UsageError('a snapshot went missing while reading', 'run unattended diff again');
        const diff = diffStates(older, newer, options.within);
        process.stdout.write(options.format === 'json' ? diffJson(diff) : diffTable(diff));
        process.exitCode = EXIT_OK;
      } finally {
        store.close();
      }
    });
}
