import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { decodeToken, MAX_TOKEN_BYTES, TOKEN_PROBLEMS } from '../engines/probe/decode-token.js';
import { renderProbeJson, renderProbeText } from '../engines/probe/render-probe.js';
import { probeToken } from '../engines/probe/token-verdict.js';
import { enforcementDates } from '../engines/run-analysis.js';
import { InputError, UsageError } from '../errors.js';
import { debugOption } from './common-options.js';
import { EXIT_GATE, EXIT_OK } from './exit.js';

const DEFAULT_CONFIG = 'unattended.yaml';

const optionsSchema = z.object({
  tokenFile: z.string().min(1).optional(),
  asOf: z.string().min(1).optional(),
  phase1Date: z.string().min(1).optional(),
  phase2Date: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  format: z.enum(['table', 'json'], { error: () => ({ message: '--format must be table or json' }) }).default('table'),
});

/**
 * Read at most MAX_TOKEN_BYTES + 1 bytes from a file descriptor: enough to tell a token from something too large to
 * be one, whatever is piped in. The bytes stay in this process's memory only.
 */
function readBounded(fd: number): string {
  const buffer = Buffer.alloc(MAX_TOKEN_BYTES + 1);
  let length = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      // A non-blocking stdin with nothing yet: wait for the writer rather than failing.
      if (error instanceof Error && 'code' in error && error.code === 'EAGAIN') continue;
      throw error;
    }
    if (read === 0) break;
    length += read;
    if (length === buffer.length) break;
  }
  return buffer.subarray(0, length).toString('utf8');
}

function readToken(tokenFile: string | undefined): { text: string; from: string } {
  if (tokenFile === undefined) {
    if (process.stdin.isTTY) throw new UsageError('no token on stdin', 'pipe one in, e.g. az account get-access-token --query accessToken -o tsv | unattended probe, or give --token-file');
    return { text: readBounded(0), from: 'stdin' };
  }
  let fd: number;
  try {
    fd = openSync(tokenFile, 'r');
  } catch {
    throw new InputError(`${tokenFile}: cannot be read`, 'give --token-file a readable file holding one access token');
  }
  try {
    return { text: readBounded(fd), from: tokenFile };
  } finally {
    closeSync(fd);
  }
}

export function registerProbe(program: Command): void {
  program
    .command('probe')
    .description('judge the sign-in behind an access token (stdin or --token-file) against mandatory MFA: exit 1 when it will break, 0 when not, 2 for a token it cannot read; the token is never printed, logged or stored')
    .option('--token-file <file>', 'read the token from this file instead of stdin')
    .option('--as-of <time>', 'judge as of this ISO time (default: now)')
    .option('--phase1-date <date>', 'the tenant\'s Phase 1 (portal) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)')
    .option('--phase2-date <date>', 'the tenant\'s Phase 2 (ARM writes) enforcement date, YYYY-MM-DD (default: unattended.yaml, else the catalog)')
    .option('--policy <file>', `the unattended.yaml to use (default: ./${DEFAULT_CONFIG} when present)`)
    .addOption(new Option('--format <format>', 'table or json').default('table'))
    .addOption(debugOption())
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid options', 'see unattended probe --help');
      const options = parsed.data;
      const asOf = options.asOf ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of ${options.asOf ?? ''} is not a date or time`, 'give --as-of as an ISO-8601 time');
      const configPath = options.policy ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
      const config = configPath === null ? null : (await import('../config/load-config.js')).loadConfig(configPath);
      const enforcement = enforcementDates({ phase1Date: options.phase1Date, phase2Date: options.phase2Date, config });
      const token = readToken(options.tokenFile);
      const decoded = decodeToken(token.text);
      // The reason names the problem and the source, never any part of what was read.
      if (!decoded.ok) throw new InputError(`${token.from}: ${TOKEN_PROBLEMS[decoded.problem]}`, 'give one access token, e.g. from az account get-access-token --query accessToken -o tsv');
      const probe = probeToken(decoded.claims, { asOf: new Date(asOf).toISOString(), enforcement });
      process.stdout.write(options.format === 'json' ? renderProbeJson(probe) : renderProbeText(probe));
      process.exitCode = probe.exitCode === 1 ? EXIT_GATE : EXIT_OK;
    });
}
