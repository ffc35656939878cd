import type { Store } from '../../store/store.js';
import { FileBatch } from '../import/framework/file-batch.js';
import { addCounts, zeroCounts, type Counts } from '../import/framework/import-summary.js';
import type { Checkpoint } from './checkpoints.js';
import { saveCheckpoint } from './checkpoints.js';

/**
 * Everything one step of a collection stores, in one transaction: a batch row (source `collect`), the records through
 * the importers' normalisers (FileBatch), and the checkpoint that says where the next step starts. Killed at any
 * moment, the store holds whole steps only, and the checkpoint names the first page not stored.
 * Steps from concurrent walks (sign-in windows, subscriptions) take turns on the one connection. Window steps waiting
 * together are stored in one transaction (group commit): a day of a small tenant's sign-ins is a page, and a
 * transaction per page cost more than the pages.
 */
export interface CollectStep {
  /** Names the batch: endpoint and scope. */
  label: string;
  /** How the records arrived: 'graph', 'arm', 'resource-graph', 'log-analytics'. */
  format: string;
  /** Inside the transaction, before the records: remove what this step replaces (a re-collected object, a whole small collection). */
  replace?: (store: Store) => Promise<void>;
  /**
   * Hand the records to the normalisers: `batch.signIns.add(…)`, `batch.add(outcome.record)`, `batch.quarantine(…)`.
   * Runs inside the transaction: it may read what the store holds (an object a delta page updates only in part).
   */
  fill: (batch: FileBatch, store: Store) => Promise<void>;
  /** Inside the transaction, after the records (writes to tables no normaliser covers). */
  after?: (store: Store, batchId: string) => Promise<void>;
  checkpoint: Checkpoint;
  /** Records that are only ever added (sign-ins, events): such steps may share a transaction. */
  appendOnly?: boolean;
  /** How many records the step holds: a shared transaction takes steps up to GROUP_RECORDS. */
  records?: number;
}

export interface WrittenStep {
  counts: Counts;
  batchId: string;
}

interface Pending {
  step: CollectStep | null;
  checkpoint: Checkpoint;
  resolve: (written: WrittenStep) => void;
  reject: (error: unknown) => void;
}

/**
 * How many window steps, and records, one transaction takes at most: enough that a transaction's fixed cost is spread,
 * few enough that what one transaction stages stays small (memory is bounded by this, not by the collection).
 */
const GROUP_LIMIT = 32;
const GROUP_RECORDS = 30_000;

export class CollectWriter {
  private readonly pending: Pending[] = [];
  private running = false;
  readonly totals: Counts = zeroCounts();

  constructor(
    private readonly store: Store,
    readonly runId: string,
  ) {}

  /** Store one step; resolves once it is committed. */
  write(step: CollectStep): Promise<WrittenStep> {
    return this.enqueue(step, step.checkpoint);
  }

  /** Only a checkpoint (a walk begun, or a gap being recorded). */
  async mark(checkpoint: Checkpoint): Promise<void> {
    await this.enqueue(null, checkpoint);
  }

  private enqueue(step: CollectStep | null, checkpoint: Checkpoint): Promise<WrittenStep> {
    return new Promise((resolve, reject) => {
      this.pending.push({ step, checkpoint, resolve, reject });
      void this.drain();
    });
  }

  /** The next group: one step that replaces rows, or every waiting append-only step and mark (up to GROUP_LIMIT). */
  private take(): Pending[] {
    const first = this.pending[0];
    if (first === undefined) return [];
    const groupable = (entry: Pending): boolean => entry.step === null || entry.step.appendOnly === true;
    if (!groupable(first)) return this.pending.splice(0, 1);
    const group: Pending[] = [];
    let records = 0;
    for (let index = 0; index < this.pending.length && group.length < GROUP_LIMIT && records < GROUP_RECORDS; ) {
      const entry = this.pending[index];
      if (entry !== undefined && groupable(entry)) {
        group.push(entry);
        records += entry.step?.records ?? 0;
        this.pending.splice(index, 1);
      } else {
        index += 1;
      }
    }
    return group;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let group = this.take(); group.length > 0; group = this.take()) {
        try {
          const written = await this.writeGroup(group);
          for (const entry of group) entry.resolve(written);
        } catch (error) {
          for (const entry of group) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async writeGroup(group: readonly Pending[]): Promise<WrittenStep> {
    const steps = group.flatMap((entry) => (entry.step === null ? [] : [entry.step]));
    const firstStep = steps[0];
    if (firstStep === undefined) {
      await this.store.transaction(async () => {
        for (const entry of group) await saveCheckpoint(this.store, entry.checkpoint, this.runId);
      });
      return { counts: zeroCounts(), batchId: '' };
    }
    const label = steps.length === 1 ? firstStep.label : `${firstStep.label} (+${steps.length - 1} more)`;
    // The batch's format ('graph', 'arm': none of the import formats' ids): a sign-in read again by a later collect (a
    // provisional window) replaces its stored version, while a copy imported from an export never does.
    const batch = new FileBatch(this.store, label, firstStep.format);
    try {
      return await this.store.transaction(async () => {
        await this.store.run('INSERT INTO batches (batch_id, source, file, format, started_at) VALUES (?, ?, ?, ?, now()::TIMESTAMP)', [batch.id, 'collect', label, firstStep.format]);
        try {
          for (const step of steps) {
            if (step.replace) await step.replace(this.store);
            await step.fill(batch, this.store);
          }
          const byKind = await batch.write();
          for (const step of steps) if (step.after) await step.after(this.store, batch.id);
          const counts = zeroCounts();
          for (const counted of byKind.values()) addCounts(counts, counted);
          await this.store.run('UPDATE batches SET finished_at = now()::TIMESTAMP, read = ?, stored = ?, duplicates = ?, quarantined = ? WHERE batch_id = ?', [
            counts.read, counts.stored, counts.duplicates, counts.quarantined, batch.id,
          ]);
          for (const entry of group) await saveCheckpoint(this.store, entry.checkpoint, this.runId);
          addCounts(this.totals, counts);
          return { counts, batchId: batch.id };
        } catch (error) {
          batch.signIns.discard();
          throw error;
        }
      });
    } catch (error) {
      await batch.signIns.reset();
      throw error;
    } finally {
      batch.signIns.release();
    }
  }
}
