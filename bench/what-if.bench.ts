/**
 * `npm run bench -- what-if [--sizes 1000000] [--runs 3]`: `unattended analyze --what-if` with 20 Conditional Access
 * policies (every condition and grant control the evaluator knows, so the sign-ins are grouped on every dimension)
 * beside `unattended analyze` alone over the same synthetic store, alternating, each in its own process, in the same
 * run. Target: the what-if at most 2× analyze alone.
 */
import { reportRatios, type BenchRatio } from './ratios.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARM_RESOURCE_ID } from '../src/catalog/enforcement.js';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { ensureBenchStore, tenantFor } from './analyze-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 2;
const POLICY_COUNT = 20;

function argument(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? '') : fallback;
}

function positive(value: string, name: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new Error(`${name} takes positive integers, got ${value}`);
  return parsed;
}

/** Twenty policies in Graph's shape, cycling through every condition and control (ids are fixed: the file is the same every run). */
export function benchPolicies(): unknown[] {
  const users = (include: string[]): Record<string, unknown> => ({ includeUsers: include, excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] });
  const variants: Record<string, unknown>[] = [
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: [ARM_RESOURCE_ID] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['MicrosoftAdminPortals'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['Office365'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['exchangeActiveSync', 'other'] }, grantControls: { operator: 'OR', builtInControls: ['block'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'], platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] } }, grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], signInRiskLevels: ['high', 'medium'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], userRiskLevels: ['high'] }, grantControls: { operator: 'OR', builtInControls: ['block'] } },
    { conditions: { users: { ...users(['GuestsOrExternalUsers']) }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    { conditions: { users: users(['All']), applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } } },
    { conditions: { users: { ...users([]), includeRoles: ['62e90394-69f5-4237-9190-012177145e10'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' } } },
  ];
  return Array.from({ length: POLICY_COUNT }, (_, index) => ({
    id: `b3a1c0de-0000-4000-8000-${String(index).padStart(12, '0')}`,
    displayName: `bench policy ${index + 1}`,
    state: index % 4 === 3 ? 'enabledForReportingButNotEnforced' : 'enabled',
    ...variants[index % variants.length],
  }));
}

function best(measurements: readonly Measurement[]): Measurement {
  const [first, ...rest] = measurements;
  if (!first) throw new Error('no measurement');
  return rest.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a), first);
}

async function checked(measurement: Promise<Measurement>): Promise<Measurement> {
  const m = await measurement;
  if (m.exitCode !== 0) throw new Error(`${m.label} exited ${m.exitCode}`);
  process.stderr.write(`  ${formatMeasurement(m)}\n`);
  return m;
}

export async function run(args: string[]): Promise<void> {
  const cli = join(root, 'bin', 'unattended.js');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const policyFile = join(dir, 'what-if-policies.json');
  writeFileSync(policyFile, `${JSON.stringify({ value: benchPolicies() }, null, 2)}\n`);
  const runs = positive(argument(args, '--runs', '3'), '--runs');
  const lines: string[] = [];
  const ratios: BenchRatio[] = [];
  for (const size of argument(args, '--sizes', '1000000').split(',').map((value) => positive(value, '--sizes'))) {
    const tenant = tenantFor(size);
    const db = join(dir, `analyze-${size}.duckdb`);
    await ensureBenchStore(db, tenant);
    const label = size.toLocaleString('en-US');
    const alone: Measurement[] = [];
    const whatIf: Measurement[] = [];
    // Alternate the two so that both see the same machine load.
    for (let round = 0; round < runs; round += 1) {
      alone.push(await checked(measureCommand(`analyze ${label}`, process.execPath, [cli, 'analyze', '--db', db, '--format', 'json'])));
      whatIf.push(await checked(measureCommand(`analyze --what-if (${POLICY_COUNT} policies) ${label}`, process.execPath, [cli, 'analyze', '--db', db, '--format', 'json', '--what-if', policyFile])));
    }
    const a = best(alone);
    const w = best(whatIf);
    const ratio = w.wallSeconds / a.wallSeconds;
    lines.push(formatMeasurement(a), formatMeasurement(w), `ratio what-if / analyze at ${label}: ${ratio.toFixed(2)}× wall (target < ${TARGET_RATIO}×) ${ratio < TARGET_RATIO ? 'OK' : 'OVER'}`);
    ratios.push({ name: `what-if / analyze, wall, ${size} sign-ins`, value: ratio, better: 'lower' });
    process.stderr.write(`${lines.slice(-3).join('\n')}\n`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  reportRatios(ratios);
}
