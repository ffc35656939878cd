import { terminalSafe } from '../../report/terminal-text.js';
import type { TokenProbe } from './token-verdict.js';

/**
 * The probe's answer, for a terminal or for a pipeline: claims it read and the verdict. Every value comes from the
 * token's claims, which anyone can write: they are escaped. The token itself is never part of it.
 */

export const SIGNATURE_NOTE = 'signature not verified: the probe decodes the claims to judge the sign-in, it never trusts or uses the token';

function row(label: string, value: string): string {
  return `  ${label.padEnd(9)}${terminalSafe(value)}`;
}

export function renderProbeText(probe: TokenProbe): string {
  const audience = probe.audience.name === null ? probe.audience.value : `${probe.audience.name} (${probe.audience.value})`;
  const methods = probe.methods.length === 0 ? '(none recorded)' : probe.methods.map((method) => (method.meaning === null ? method.value : `${method.value} (${method.meaning})`)).join(', ');
  const client = [probe.client.name, probe.client.id].filter((part): part is string => part !== null).join(' ');
  const expiry = probe.expires === null ? '(no expiry claim)' : `${probe.expires}${probe.expired ? ' (expired)' : ''}`;
  const verdict = probe.verdict === 'breaks' ? `breaks ${probe.breaksOn ?? '?'} (${probe.phase ?? '?'})` : probe.verdict;
  const lines = [
    `token: ${SIGNATURE_NOTE}`,
    row('identity', `${probe.identity}${probe.subject === null ? '' : ` ${probe.subject}`}`),
    row('client', client === '' ? '(unknown)' : client),
    row('methods', methods),
    row('audience', audience),
    row('tenant', probe.tenant ?? '(none)'),
    row('expires', expiry),
    '',
    `verdict: ${verdict}`,
    ...probe.reasons.map((reason) => `  ${terminalSafe(reason)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The JSON form: the probe's fields plus the note that the signature was not checked. */
export function renderProbeJson(probe: TokenProbe): string {
  const { exitCode: _exitCode, ...fields } = probe;
  return `${JSON.stringify({ schemaVersion: 1, signatureVerified: false, ...fields }, null, 2)}\n`;
}
