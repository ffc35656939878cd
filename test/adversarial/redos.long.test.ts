import { Worker } from 'node:worker_threads';
import { expect } from 'vitest';
import { findDetectorRegexes, type FoundRegex } from './detector-regexes.js';
import { adversarialSuite } from './record-results.js';

/**
 * ReDoS-shaped input against every regex the detectors use (enumerated from the source by detector-regexes.ts): long
 * runs of each character, each pair and some triples of the characters that make patterns backtrack, after each literal
 * word of the pattern (so the input reaches the quantified part), ending in a byte no pattern expects. A regex is
 * flagged when 32 Ki characters take over 50 ms and 8 times as many characters cost over 24 times as long (linear
 * would be 8, quadratic 64), or when it runs past 20 s (exponential): the worker running it is then terminated.
 * Long: `npm run test:adversarial`.
 */
const BIG = 32 * 1024;
const SMALL = BIG / 8;
const STUCK_MS = 20_000;
const SINGLES = ['a', 'Z', '0', ' ', '\t', '\n', '\r', '-', '_', '.', '$', '"', "'", '/', '\\', '=', ':', '@', '(', ')', '{', '}', '[', ']', '`', ',', ';', '#', '%', '&', '*', '+', '?', '|', '<', '>', '~', '!'];
const PAIRED = ['a', ' ', '-', '.', '$', '"', '\\', '=', '/', ':', '0'];
const UNITS = [...SINGLES, ...PAIRED.flatMap((first) => PAIRED.map((second) => first + second)), ' -a', '-a ', 'a.b', '$(a', '${a', 'a=b ', '\\"a', '@a.'];

/** The literal words of a pattern, with its escapes (\s, \w, \b…) taken out, as prefixes that lead into it. */
function prefixes(regex: FoundRegex): string[] {
  const plain = regex.source.replaceAll(/\\[sSwWdDbBnrtfvpPuxck]/gu, ' ').replaceAll(/\(\?<[a-zA-Z]+>/gu, '(');
  const words = [...plain.matchAll(/[A-Za-z][A-Za-z-]{2,}/gu)].map((match) => match[0]);
  return ['', ...new Set(words.slice(0, 6).flatMap((word) => [word, `${word} `]))];
}

interface Verdict {
  at: string;
  worstMs: number;
  problem: string | null;
}

// Plain JavaScript for the worker: it only builds strings and runs RegExps.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { jobs, units, big, small } = workerData;
function time(regex, input) {
  regex.lastIndex = 0;
  const start = performance.now();
  regex.exec(input);
  return performance.now() - start;
}
for (const job of jobs) {
  parentPort.postMessage({ start: job.at });
  const regex = new RegExp(job.source, job.flags);
  let worstMs = 0;
  let problem = null;
  for (const prefix of job.prefixes) {
    for (const unit of units) {
      const body = unit.repeat(Math.ceil(big / unit.length));
      const input = prefix + body + '\\u0000';
      let ms = time(regex, input);
      // A garbage collection can land in one run: a slow run counts only when two more agree.
      if (ms > 50) ms = Math.min(ms, time(regex, input), time(regex, input));
      if (ms > worstMs) worstMs = ms;
      if (ms > 50 && problem === null) {
        const shorter = prefix + body.slice(0, small) + '\\u0000';
        const smallMs = Math.max(time(regex, shorter), time(regex, shorter), 0.01);
        if (ms / smallMs > 24) problem = 'superlinear: ' + JSON.stringify(prefix) + ' + ' + JSON.stringify(unit) + ' x N took ' + ms.toFixed(0) + ' ms at ' + big + ', ' + smallMs.toFixed(1) + ' ms at ' + small;
      }
    }
  }
  parentPort.postMessage({ done: { at: job.at, worstMs, problem } });
}
`;

/** Runs the regexes from `from` on in a worker; resolves with what finished, and the one that got stuck, if any. */
function runFrom(regexes: readonly FoundRegex[], from: number): Promise<{ verdicts: Verdict[]; stuck: string | null }> {
  const jobs = regexes.slice(from).map((regex) => ({ ...regex, prefixes: prefixes(regex) }));
  const worker = new Worker(WORKER, { eval: true, workerData: { jobs, units: UNITS, big: BIG, small: SMALL } });
  const verdicts: Verdict[] = [];
  return new Promise((done, fail) => {
    let current: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        done({ verdicts, stuck: current });
      }, STUCK_MS);
    };
    worker.on('message', (message: { start?: string; done?: Verdict }) => {
      if (message.start !== undefined) {
        current = message.start;
        arm();
      }
      if (message.done !== undefined) verdicts.push(message.done);
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      clearTimeout(timer);
      done({ verdicts, stuck: null });
    });
  });
}

const { literals } = findDetectorRegexes();
const suite = adversarialSuite('detector regexes (ReDoS)', 'redos-long.json');

suite.case(
  { input: 'scan: every regex literal in src/scan and src/catalog', fault: `ReDoS-shaped input (${UNITS.length} runs × the pattern's words, 32 Ki chars)`, result: 'each linear: none superlinear, none stuck', cases: literals.length },
  async () => {
    const verdicts: Verdict[] = [];
    while (verdicts.length < literals.length) {
      const { verdicts: more, stuck } = await runFrom(literals, verdicts.length);
      verdicts.push(...more);
      if (stuck !== null) verdicts.push({ at: stuck, worstMs: STUCK_MS, problem: `still running after ${STUCK_MS} ms` });
    }
    const worst = [...verdicts].sort((a, b) => b.worstMs - a.worstMs).slice(0, 3);
    console.info(`${verdicts.length} regexes; slowest single exec: ${worst.map((verdict) => `${verdict.at} ${verdict.worstMs.toFixed(1)} ms`).join(', ')}`);
    expect(verdicts.map((verdict) => verdict.at)).toEqual(literals.map((regex) => regex.at));
    expect(verdicts.filter((verdict) => verdict.problem !== null)).toEqual([]);
  },
  1_800_000,
);

suite.recordResults();
