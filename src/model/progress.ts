/**
 * How long work reports progress. Sources and engines take one of these; the CLI passes a terminal
 * renderer on a TTY and the silent one when piped, so library code never writes to the terminal itself.
 */
export interface Progress {
  /** Begin a step; `total` is null when unknown. */
  start(label: string, total: number | null): void;
  /** Advance the current step by `amount`. */
  advance(amount: number): void;
  /** Finish the current step with a one-line result. */
  finish(result: string): void;
}

export const SILENT_PROGRESS: Progress = {
  start() {},
  advance() {},
  finish() {},
};
