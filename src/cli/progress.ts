import type { Progress } from '../model/progress.js';
import { SILENT_PROGRESS } from '../model/progress.js';
import { terminalSafe } from '../report/terminal-text.js';

/** The part of a terminal stream the renderer needs. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** What the renderer reads from its surroundings besides the stream: passed in, so a test can fix the time. */
export interface ProgressSurroundings {
  now: () => number;
  /** CI logs are files: a line redrawn in place would only fill them. */
  ci: boolean;
}

/** Progress on stderr when it is a terminal (redrawn in place, at most 10 times a second); silent when piped or in CI. */
export function terminalProgress(stream: ProgressStream = process.stderr, surroundings: ProgressSurroundings = { now: Date.now, ci: Boolean(process.env['CI']) }): Progress {
  if (!stream.isTTY || surroundings.ci) return SILENT_PROGRESS;
  const { now: clock } = surroundings;
  let label = '';
  let total: number | null = null;
  let done = 0;
  let lastDraw = 0;
  const started = { at: clock() };
  const draw = (force: boolean): void => {
    const now = clock();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const seconds = ((now - started.at) / 1000).toFixed(1);
    const count = total ? `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.floor((done / total) * 100)}%)` : done.toLocaleString('en-US');
    stream.write(`\r\u001b[2K${label}: ${count} ${seconds}s`);
  };
  return {
    start(nextLabel, nextTotal) {
      // Labels carry file names and tenant strings: never let them move the cursor or recolour the screen.
      label = terminalSafe(nextLabel);
      total = nextTotal;
      done = 0;
      started.at = clock();
      draw(true);
    },
    advance(amount) {
      done += amount;
      draw(false);
    },
    finish(result) {
      stream.write(`\r\u001b[2K${label}: ${terminalSafe(result)}\n`);
    },
  };
}
