import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../detector.js';
import type { Point } from '../finding.js';
import type { FlowBlock } from './flow-program.js';
import { comparePoints } from './point-set.js';

function before(a: Point, b: Point): boolean {
  return comparePoints(a, b) < 0;
}

/**
 * Hands a script's findings, in document order, to the flow blocks a grammar walk builds. The walk visits nodes in
 * document order and calls `placeBefore(block, node.end)` after each node, so a finding lands in the innermost block
 * (branch arm, loop body, function) whose nodes contain it, in the order it runs there.
 */
export class FindingPlacer {
  private readonly queue: { at: Point; finding: ScanFinding }[];
  private next = 0;

  /** `findings` are in host coordinates (1-based, offset by the script's place in its host file). */
  constructor(file: SourceFile, findings: readonly ScanFinding[]) {
    const columnOffset = file.columnOffset ?? 0;
    this.queue = findings
      .map((finding) => ({ at: { row: finding.line - file.lineOffset, column: finding.column - 1 - columnOffset }, finding }))
      .sort((a, b) => comparePoints(a.at, b.at));
  }

  /** Where the findings start, in the script's own coordinates. */
  points(): Point[] {
    return this.queue.map((entry) => entry.at);
  }

  /** Appends to `block` every finding not yet placed that starts before `end`. */
  placeBefore(block: FlowBlock, end: Point): void {
    for (let entry = this.queue[this.next]; entry !== undefined && before(entry.at, end); entry = this.queue[this.next]) {
      block.items.push({ kind: 'finding', finding: entry.finding });
      this.next += 1;
    }
  }

  /** Whatever is left (a finding past the last node) runs at the end of `block`. */
  placeRest(block: FlowBlock): void {
    for (let entry = this.queue[this.next]; entry !== undefined; entry = this.queue[this.next]) {
      block.items.push({ kind: 'finding', finding: entry.finding });
      this.next += 1;
    }
  }
}
