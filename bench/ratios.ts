import { appendFileSync } from 'node:fs';

/**
 * A benchmark's verdict as a ratio against its baseline measured in the same run: the only kind of figure a benchmark
 * hands on (absolute times swing with the machine; ratios much less). `better` says which way is an improvement.
 */
export interface BenchRatio {
  name: string;
  value: number;
  better: 'lower' | 'higher';
}

/** Where `npm run bench -- --quick` asks each benchmark, run as a process of its own, to write its ratios. */
export const RATIOS_FILE_ENV = 'UNATTENDED_BENCH_RATIOS';

/** Hand the ratios to `--quick` when it runs this benchmark (a line of JSON each); nothing otherwise. */
export function reportRatios(ratios: readonly BenchRatio[]): void {
  const file = process.env[RATIOS_FILE_ENV];
  if (file === undefined || file === '') return;
  for (const ratio of ratios) {
    if (!Number.isFinite(ratio.value)) throw new Error(`ratio ${ratio.name} is not a number`);
    appendFileSync(file, `${JSON.stringify(ratio)}\n`);
  }
}
