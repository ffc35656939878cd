import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedPolicy } from '../config/load-config.js';
import type { GovernancePolicy } from '../engines/govern/governance-policy.js';
import { governanceState } from '../engines/govern/governance-state.js';
import { InputError } from '../errors.js';
import type { AutomationFinding, GovernanceState, GovernedIdentity, SnapshotMeta } from '../model/governance.js';
import { inputsDigest, loadAppIds, loadBreakingAutomation, storeInputsDigest } from '../store/read-model/governance-inputs.js';
import { recordSnapshot } from '../store/snapshots/write-snapshot.js';
import { openStore, type Store } from '../store/store.js';
import { terminalSafe } from '../report/terminal-text.js';

export interface OpenedStore {
  store: Store;
  /** Whether snapshots can be written: false when asked not to, or when the store could only be opened to read. */
  writable: boolean;
}

/**
 * Open the store for a run that keeps a snapshot: for writing, unless `keep` is false. When another process holds it
 * (the dashboard, a second analyze), the run still goes ahead read-only and says, on stderr, that no snapshot was kept.
 */
export async function openForSnapshot(path: string, keep: boolean, stderr: NodeJS.WritableStream = process.stderr): Promise<OpenedStore> {
  if (!keep) return { store: await openStore(path, { readOnly: true }), writable: false };
  if (path !== ':memory:' && !existsSync(resolve(path))) throw new InputError(`no store at ${resolve(path)}`, 'run "unattended import" or "unattended demo" first, or pass --db FILE');
  try {
    return { store: await openStore(path), writable: true };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const store = await openStore(path, { readOnly: true });
    stderr.write(`unattended: no snapshot kept: ${terminalSafe(error.message)}\n`);
    return { store, writable: false };
  }
}

export interface SnapshotInput {
  head: { asOf: string; tenantId: string | null; enforcement: { phase1: string; phase2: string } };
  identities: readonly GovernedIdentity[];
  policy: LoadedPolicy | null;
  governance: GovernancePolicy | null;
  /** The options that change results, for the inputs digest. */
  options: Record<string, string | null | undefined>;
  /** Breaking code to judge instead of the store's (check --scan FILE). */
  findings?: readonly AutomationFinding[];
}

/** The governed state of an analysis of the store: its identities, and the breaking code stored beside them. */
export async function storeGovernanceState(store: Store, input: SnapshotInput): Promise<GovernanceState> {
  const digest = inputsDigest({ store: await storeInputsDigest(store), policyText: input.policy?.text ?? null, options: input.options });
  const findings = input.findings ?? (await loadBreakingAutomation(store));
  return governanceState({
    ...input.head,
    inputsDigest: digest,
    policy: input.policy,
    governance: input.governance,
    hasStore: true,
    identities: input.identities,
    findings,
    // Only a policy's owner and exception rules name code's identities by client ID.
    appIds: input.governance !== null && findings.length > 0 ? await loadAppIds(store) : new Map(),
  });
}

/** Keep the state as the store's next snapshot, now. */
export async function keepSnapshot(store: Store, state: GovernanceState, command: SnapshotMeta['command'], gateProblems: number | null = null): Promise<number> {
  return recordSnapshot(store, state, { command, takenAt: new Date().toISOString(), gateProblems });
}
