/** The unattended.yaml the demo writes beside its data: the tenant's enforcement dates and break-glass accounts. */
import type { DemoDirectory } from './directory.js';

export function demoConfigYaml(directory: DemoDirectory, enforcement: { phase1: string; phase2: string }): string {
  const breakGlass = directory.users.filter((user) => user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password').map((user) => JSON.stringify(user.upn));
  return [
    '# Written by `unattended demo`: the demo tenant\'s enforcement dates and break-glass accounts.',
    `tenant: { id: ${JSON.stringify(directory.tenantId)} }`,
    `enforcement: { phase1: ${JSON.stringify(enforcement.phase1)}, phase2: ${JSON.stringify(enforcement.phase2)} }`,
    `breakGlass: [ ${breakGlass.join(', ')} ]`,
    '',
  ].join('\n');
}
