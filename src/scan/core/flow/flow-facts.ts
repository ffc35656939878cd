import type { ScanFinding } from '../../../model/scan-finding.js';
import type { Session } from '../detector.js';
import type { FlowProgram } from './flow-program.js';

/**
 * What ambient resolution remembers about findings while one host file is scanned, so a CI job can resolve the
 * steps of the scripts embedded in it with their real control flow. Findings are plain contract objects and every
 * resolution pass returns new ones: each is traced back to the detector's original, which carries the facts.
 * Weak maps: nothing outlives the findings.
 */
export class FlowFacts {
  private readonly originals = new WeakMap<ScanFinding, ScanFinding>();
  private readonly programs = new WeakMap<ScanFinding, FlowProgram>();
  private readonly tokens = new WeakMap<ScanFinding, Session>();
  private readonly settled = new WeakSet<ScanFinding>();

  /** The detector's original of a (possibly resolved) finding. */
  original(finding: ScanFinding): ScanFinding {
    return this.originals.get(finding) ?? finding;
  }

  /** `derived` is a later version of `finding` (resolved, or with a note). */
  derive(derived: ScanFinding, finding: ScanFinding): void {
    const original = this.original(finding);
    if (derived !== original) this.originals.set(derived, original);
  }

  /** The script a finding was found in, when its flow was built. */
  programOf(finding: ScanFinding): FlowProgram | null {
    return this.programs.get(this.original(finding)) ?? null;
  }

  setProgram(finding: ScanFinding, program: FlowProgram): void {
    this.programs.set(this.original(finding), program);
  }

  /** A token passed to an `-AccessToken` parameter that the detector traced to a session in the same script. */
  tokenSession(finding: ScanFinding): Session | null {
    return this.tokens.get(this.original(finding)) ?? null;
  }

  setTokenSession(finding: ScanFinding, session: Session): void {
    this.tokens.set(this.original(finding), session);
  }

  /**
   * An ambient use whose every path already passed a login where it was last resolved (perhaps one only that scope
   * sees, like a task's service connection): an outer scope (the CI job) must not resolve it again.
   */
  isSettled(finding: ScanFinding): boolean {
    return this.settled.has(this.original(finding));
  }

  settle(finding: ScanFinding): void {
    this.settled.add(this.original(finding));
  }
}
