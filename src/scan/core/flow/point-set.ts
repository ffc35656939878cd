import type { Point } from '../finding.js';

export function comparePoints(a: Point, b: Point): number {
  return a.row - b.row || a.column - b.column;
}

/**
 * The places in a script that can change what a login reaches: findings, calls to the script's own functions, jumps.
 * A flow builder skips any subtree holding none of them: walking every node of a large script through the wasm
 * boundary costs as much as detection, and such a subtree adds nothing to the flow.
 */
export class PointSet {
  private readonly points: Point[];

  constructor(points: Iterable<Point>) {
    this.points = [...points].sort(comparePoints);
  }

  /** Whether some point lies in [start, end). */
  within(start: Point, end: Point): boolean {
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const point = this.points[middle];
      if (point !== undefined && comparePoints(point, start) < 0) low = middle + 1;
      else high = middle;
    }
    const first = this.points[low];
    return first !== undefined && comparePoints(first, end) < 0;
  }
}
