/** One line of an edit script: kept (in both), removed (from `before`) or added (from `after`), with its 0-based indexes. */
export interface LineOp {
  op: 'keep' | 'remove' | 'add';
  /** Index in `before`; for an added line, the index in `before` after its run's removed lines. */
  a: number;
  /** Index in `after`; for a removed line, the index in `after` where its run starts. */
  b: number;
}

/**
 * The shortest edit script from `before` to `after` (Myers' O((N+M)·D) algorithm), or null when it needs more than
 * `maxEdits` edits: the planner's edits are a few lines, so the bound only stops a pathological file from costing
 * O(D²) memory (one row of the search per edit is kept to walk back along). Within a run of changes the removed lines
 * come first, as every unified diff shows them.
 */
export function lineDiff(before: readonly string[], after: readonly string[], maxEdits: number): LineOp[] | null {
  const n = before.length;
  const m = after.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxEdits); d++) {
    // The row before step d, for diagonals -d-1 … d+1 (index k + d + 1).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && before[x] === after[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return removalsFirst(walkBack(trace, n, m));
    }
  }
  return null;
}

function walkBack(trace: readonly Int32Array[], n: number, m: number): LineOp[] {
  const ops: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d] ?? new Int32Array(0);
    const at = (k: number): number => row[k + d + 1] ?? 0;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      ops.push({ op: 'keep', a: x, b: y });
    }
    if (d > 0) {
      if (x === previousX) ops.push({ op: 'add', a: x, b: y - 1 });
      else ops.push({ op: 'remove', a: x - 1, b: y });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

function removalsFirst(ops: readonly LineOp[]): LineOp[] {
  const out: LineOp[] = [];
  let run: LineOp[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    // Where the run starts on each side; its added lines go after all its removed ones.
    const x0 = Math.min(...run.map((op) => op.a));
    const y0 = Math.min(...run.map((op) => op.b));
    const removed = run.filter((op) => op.op === 'remove');
    out.push(...removed.map((op) => ({ op: op.op, a: op.a, b: y0 })), ...run.filter((op) => op.op === 'add').map((op) => ({ op: op.op, a: x0 + removed.length, b: op.b })));
    run = [];
  };
  for (const op of ops) {
    if (op.op === 'keep') {
      flush();
      out.push(op);
    } else run.push(op);
  }
  flush();
  return out;
}
