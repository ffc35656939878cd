import { isKnownError } from '../errors.js';
import { terminalSafe } from '../report/terminal-text.js';

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_INPUT = 2;

/**
 * Turn an error into the one line the CLI prints and the exit code. Known errors: message + hint, exit 2.
 * Anything else is a bug: one line too, with its stack only under --debug.
 */
export function reportError(error: unknown, debug: boolean, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isKnownError(error)) {
    const hint = error.hint ? ` (${error.hint})` : '';
    stderr.write(`unattended: ${terminalSafe(error.message)}${terminalSafe(hint)}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  stderr.write(`unattended: unexpected error: ${terminalSafe(message)} (re-run with --debug for details)\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT_INPUT;
}
