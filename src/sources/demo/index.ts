/**
 * The demo tenant: a deterministic, seeded generator that writes a tenant export in the real formats
 * (diagnostic-settings JSON Lines for the four sign-in logs and the Activity log, Graph JSON pages for the
 * directory), its ground truth, an unattended.yaml and a sample automation repository. The demo command then
 * imports these files through the ordinary importers.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Progress } from '../../model/progress.js';
import { SILENT_PROGRESS } from '../../model/progress.js';
import { APPS } from './apps.js';
import { demoPolicies } from './conditional-access.js';
import { demoConfigYaml } from './config-file.js';
import { buildDirectory, requireUser } from './directory.js';
import type { DemoDirectory } from './directory.js';
import { generateLogs } from './generate-logs.js';
import { writeGraphFiles } from './graph-files.js';
import { groundTruth } from './ground-truth.js';
import { SERVICE_ACCOUNT_SCENARIOS } from './scenarios.js';
import { sampleRepoFiles } from './sample-repo-files.js';
import { SIGN_IN_CATEGORIES } from './sign-in-records.js';
import { DEMO_ENFORCEMENT } from './timeline.js';
import { WHAT_IF_POLICY_FILE, whatIfPolicyJson } from './what-if-policy.js';

export interface DemoOptions {
  outDir: string;
  seed?: number;
  /**
   * Total sign-ins to aim for (within about 1%); scales background volume only, so the scenario identities and
   * the ground truth never change. Below ~18,150 (the scenario identities' own activity) that floor is written.
   * Omitted: the default size, about 58,000.
   */
  signIns?: number;
  progress?: Progress;
}

export interface DemoOutput {
  tenantId: string;
  /** The tenant export, ready for importPaths. */
  dataDir: string;
  /** The sample automation repository. */
  repoDir: string;
  groundTruthPath: string;
  /** unattended.yaml with the enforcement dates and break-glass UPNs. */
  configPath: string;
  /** A Conditional Access policy to try with `analyze --what-if` (require MFA for all users on all apps). */
  whatIfPath: string;
  enforcement: { phase1: string; phase2: string };
  /** The newest record's time. */
  asOf: string;
  /** users: user objects (people and service accounts); serviceAccounts: of which service accounts; workloads: service principals and managed identities. */
  counts: { users: number; serviceAccounts: number; workloads: number; signIns: number; operations: number };
}

export const DEFAULT_SEED = 20261120;
export const MAX_SIGN_INS = 10_000_000;
/** Sign-ins the scenario identities make whatever the volume (measured at scale 0 with the default seed). */
const FIXED_SIGN_INS = 18_150;
/** Background sign-ins (token refreshes, workload tokens) at scale 1 (measured with the default seed). */
const BACKGROUND_SIGN_INS = 37_800;

/** The background multiplier that brings the total near `signIns`. */
export function scaleFor(signIns: number | undefined): number {
  if (signIns === undefined) return 1;
  return Math.max(0, (signIns - FIXED_SIGN_INS) / BACKGROUND_SIGN_INS);
}

function repoNames(directory: DemoDirectory): Parameters<typeof sampleRepoFiles>[0] {
  const oidc = directory.workloads.find((workload) => workload.displayName === 'github-deploy-webshop');
  const billing = directory.workloads.find((workload) => workload.scenario === 'sp-public-client');
  if (!oidc || !billing) throw new Error('demo directory lacks the workloads the sample repository names');
  return {
    tenantId: directory.tenantId,
    runbookUpn: requireUser(directory, 'svc-runbook').upn,
    vmCliUpn: requireUser(directory, 'svc-vm-cli').upn,
    terraformUpn: requireUser(directory, 'svc-terraform').upn,
    deployLegacyUpn: requireUser(directory, 'svc-deploy-legacy').upn,
    adoAgentUpn: requireUser(directory, 'svc-ado-agent').upn,
    inventoryUpn: requireUser(directory, 'svc-inventory').upn,
    graphReportsUpn: requireUser(directory, 'svc-graph-reports').upn,
    backupUpn: requireUser(directory, 'svc-backup').upn,
    billingUpn: requireUser(directory, 'svc-custom-ropc').upn,
    billingClientId: billing.appId,
    appServiceUpn: requireUser(directory, 'svc-appservice-sdk').upn,
    humanNamedUpn: requireUser(directory, 'human-named-service').upn,
    graphClientId: APPS.graphCommandLineTools.id,
    cliClientId: APPS.azureCli.id,
    oidcClientId: oidc.appId,
    prodSubscriptionId: directory.subscriptions.prod.id,
    nonprodSubscriptionId: directory.subscriptions.nonprod.id,
    sharedSubscriptionId: directory.subscriptions.shared.id,
  };
}

async function writeSampleRepo(repoDir: string, directory: DemoDirectory): Promise<void> {
  for (const file of sampleRepoFiles(repoNames(directory))) {
    const target = join(repoDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

/** Generate the demo tenant under `outDir` (its tenant-export and sample-repo folders are replaced). */
export async function generateDemo(options: DemoOptions): Promise<DemoOutput> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`demo seed must be an integer, got ${seed}`);
  if (options.signIns !== undefined && (!Number.isSafeInteger(options.signIns) || options.signIns < 0 || options.signIns > MAX_SIGN_INS)) {
    throw new UsageError(`--sign-ins must be an integer from 0 to ${MAX_SIGN_INS.toLocaleString('en-US')}`, 'for example --sign-ins 1000000');
  }
  const progress = options.progress ?? SILENT_PROGRESS;
  const outDir = resolve(options.outDir);
  const dataDir = join(outDir, 'tenant-export');
  const repoDir = join(outDir, 'sample-repo');
  const groundTruthPath = join(outDir, 'ground-truth.json');
  const configPath = join(outDir, 'unattended.yaml');
  const whatIfPath = join(outDir, WHAT_IF_POLICY_FILE);
  // Blobs are appended to: start from empty folders so a rerun writes the same bytes.
  await rm(dataDir, { recursive: true, force: true });
  await rm(repoDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  const directory = buildDirectory(seed);
  const policies = demoPolicies(directory);
  const stats = await generateLogs(dataDir, directory, policies, scaleFor(options.signIns), progress);
  await writeGraphFiles(dataDir, directory, policies, stats.activity);
  await writeFile(groundTruthPath, `${JSON.stringify(groundTruth(directory), null, 2)}\n`);
  await writeFile(configPath, demoConfigYaml(directory, DEMO_ENFORCEMENT));
  await writeFile(whatIfPath, whatIfPolicyJson(directory));
  await writeSampleRepo(repoDir, directory);

  const serviceAccountScenarios = new Set<string>(SERVICE_ACCOUNT_SCENARIOS.map((scenario) => scenario.id));
  const serviceAccounts = directory.users.filter((user) => serviceAccountScenarios.has(user.scenario));
  return {
    tenantId: directory.tenantId,
    dataDir,
    repoDir,
    groundTruthPath,
    configPath,
    whatIfPath,
    enforcement: { ...DEMO_ENFORCEMENT },
    asOf: stats.newest,
    counts: {
      users: directory.users.length,
      serviceAccounts: serviceAccounts.length,
      workloads: directory.workloads.length,
      signIns: SIGN_IN_CATEGORIES.reduce((sum, category) => sum + stats.signIns[category], 0),
      operations: stats.operations,
    },
  };
}
