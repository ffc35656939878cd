/**
 * Kill points drawn from a seeded generator (mulberry32), so a failing run names a seed that draws the same points
 * again. The points are fractions of a clean run's progress (its time, or the requests it made).
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` fractions in [from, to), sorted, each rounded to three decimals so the results file reads them back exactly. */
export function seededFractions(seed: number, count: number, from: number, to: number): number[] {
  const next = mulberry32(seed);
  const fractions: number[] = [];
  for (let i = 0; i < count; i += 1) fractions.push(Math.round((from + next() * (to - from)) * 1000) / 1000);
  return fractions.sort((a, b) => a - b);
}
