import { Command, CommanderError } from 'commander';
import { reportError, EXIT_INPUT } from './exit.js';
import { commandsFor } from './commands.js';

/** The CLI entry point: parse → call → report → exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('unattended')
    .description('Find, fix and govern the Azure automation that signs in as a person, before mandatory MFA breaks it.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') })
    .showSuggestionAfterError(true);
  for (const entry of commandsFor(argv)) (await entry.load())(program);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv]);
    if (process.exitCode === undefined) process.exitCode = 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2 (commander already printed the line).
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_INPUT;
      return;
    }
    process.exitCode = reportError(error, debug);
  }
}
