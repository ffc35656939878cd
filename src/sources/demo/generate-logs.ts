/**
 * Writes the 30 days of logs day by day: every identity's day is generated from its own PRNG stream and
 * appended to that day's blobs, so memory holds one identity-day at a time whatever the requested volume.
 */
import type { Progress } from '../../model/progress.js';
import { operationLines, activityLogFolder } from './activity-records.js';
import { MICROSOFT_SERVICES_TENANT_ID } from './apps.js';
import { subscriptionOf } from './azure-resources.js';
import { createBlobSink } from './blob-sink.js';
import type { DemoPolicy } from './conditional-access.js';
import type { DayContext } from './day-context.js';
import type { DemoDirectory } from './directory.js';
import { humanDay } from './human-behaviour.js';
import { COMPANY_ASN } from './network.js';
import { createRng, uniqueIdFactory } from './prng.js';
import type { HumanScenarioId, ServiceAccountScenarioId } from './scenarios.js';
import { HUMAN_SCENARIOS } from './scenarios.js';
import { serviceAccountDay } from './service-account-behaviour.js';
import type { RecordContext, SignInCategory } from './sign-in-records.js';
import { SIGN_IN_CATEGORIES, userSignInLine, workloadSignInLine } from './sign-in-records.js';
import { dayStart, isWeekend, WINDOW_DAYS } from './timeline.js';
import { workloadDay } from './workload-behaviour.js';

export interface SignInActivity {
  lastInteractive: number | null;
  lastNonInteractive: number | null;
  lastSuccessful: number | null;
}

export interface LogStats {
  signIns: Record<SignInCategory, number>;
  /** Activity-log records written. */
  operations: number;
  /** The newest record's time. */
  newest: string;
  /** Per user object ID: what Graph's signInActivity reports. */
  activity: Map<string, SignInActivity>;
  /** Relative paths of the blobs written. */
  blobs: string[];
}

function blobSuffix(day: number): string {
  const date = new Date(dayStart(day));
  const two = (n: number): string => String(n).padStart(2, '0');
  return `y=${date.getUTCFullYear()}/m=${two(date.getUTCMonth() + 1)}/d=${two(date.getUTCDate())}/h=00/m=00/PT1H.json`;
}

function signInBlobPath(tenantId: string, category: SignInCategory, day: number): string {
  return `insights-logs-${category.toLowerCase()}/resourceId=/tenants/${tenantId}/providers/Microsoft.aadiam/${blobSuffix(day)}`;
}

function activityBlobPath(subscriptionId: string, day: number): string {
  return `${activityLogFolder(subscriptionId)}/${blobSuffix(day)}`;
}

const HUMAN_IDS = new Set<string>(HUMAN_SCENARIOS.map((scenario) => scenario.id));

function isHumanScenario(id: HumanScenarioId | ServiceAccountScenarioId): id is HumanScenarioId {
  return HUMAN_IDS.has(id);
}

export async function generateLogs(dataDir: string, directory: DemoDirectory, policies: readonly DemoPolicy[], scale: number, progress: Progress): Promise<LogStats> {
  const sink = createBlobSink(dataDir);
  const recordId = uniqueIdFactory(directory.seed);
  let counter = 0;
  const resourceSpIds = new Map<string, string>();
  const context: RecordContext = {
    directory,
    policies,
    nextId: () => recordId(counter++),
    resourceServicePrincipalId(appId) {
      let id = resourceSpIds.get(appId);
      if (!id) {
        id = createRng(directory.seed, 'resource-service-principal', appId).uuid();
        resourceSpIds.set(appId, id);
      }
      return id;
    },
    microsoftTenantId: MICROSOFT_SERVICES_TENANT_ID,
    corporateAsn: COMPANY_ASN,
  };
  const stats: LogStats = {
    signIns: { SignInLogs: 0, NonInteractiveUserSignInLogs: 0, ServicePrincipalSignInLogs: 0, ManagedIdentitySignInLogs: 0 },
    operations: 0,
    newest: '',
    activity: new Map(directory.users.map((user) => [user.id, { lastInteractive: null, lastNonInteractive: null, lastSuccessful: null }])),
    blobs: [],
  };

  progress.start('Generating 30 days of sign-ins and operations', WINDOW_DAYS);
  for (let day = 0; day < WINDOW_DAYS; day++) {
    // The emitters below read `rng` when called: it is re-pointed to each identity's own stream before its day runs.
    let rng = createRng(directory.seed, 'day', day);
    const ctx: DayContext = {
      directory,
      day,
      start: dayStart(day),
      weekend: isWeekend(day),
      scale,
      signIn(event) {
        const written = userSignInLine(context, event, rng);
        const category: SignInCategory = event.interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs';
        sink.append(signInBlobPath(directory.tenantId, category, day), written.line);
        stats.signIns[category]++;
        if (written.time > stats.newest) stats.newest = written.time;
        const activity = stats.activity.get(event.user.id);
        if (!activity) return;
        if (event.interactive) activity.lastInteractive = Math.max(activity.lastInteractive ?? 0, event.at);
        else activity.lastNonInteractive = Math.max(activity.lastNonInteractive ?? 0, event.at);
        const failed = event.auth === 'bad-password' || event.auth === 'mfa-required' || event.auth === 'mfa-required-ca';
        if (!failed) activity.lastSuccessful = Math.max(activity.lastSuccessful ?? 0, event.at);
      },
      workloadSignIn(event) {
        const written = workloadSignInLine(context, event, rng);
        const category: SignInCategory = event.workload.kind === 'managedIdentity' ? 'ManagedIdentitySignInLogs' : 'ServicePrincipalSignInLogs';
        sink.append(signInBlobPath(directory.tenantId, category, day), written.line);
        stats.signIns[category]++;
        if (written.time > stats.newest) stats.newest = written.time;
      },
      operation(request) {
        const subscription = subscriptionOf(directory, request.target);
        const event = {
          at: request.at,
          subscription,
          resourceGroup: request.target.resourceGroup,
          resourceType: request.target.resourceType,
          resourceName: rng.pick(request.target.names),
          verb: request.verb,
          caller: request.caller,
          ...(request.action === undefined ? {} : { action: request.action }),
          ...(request.created === undefined ? {} : { created: request.created }),
        };
        const written = operationLines(directory, event, rng);
        const path = activityBlobPath(subscription.id, day);
        for (const line of written.lines) sink.append(path, line);
        stats.operations += written.lines.length;
        if (written.newest > stats.newest) stats.newest = written.newest;
        return !written.denied;
      },
    };
    for (const user of directory.users) {
      rng = createRng(directory.seed, 'user-day', user.index, day);
      if (isHumanScenario(user.scenario)) humanDay(ctx, user, rng, user.scenario);
      else serviceAccountDay(ctx, user, rng, user.scenario);
      await sink.flush();
    }
    for (const workload of directory.workloads) {
      rng = createRng(directory.seed, 'workload-day', workload.index, day);
      workloadDay(ctx, workload, rng);
      await sink.flush();
    }
    await sink.closeAll();
    progress.advance(1);
  }
  stats.blobs = [...sink.paths];
  const total = SIGN_IN_CATEGORIES.reduce((sum, category) => sum + stats.signIns[category], 0);
  progress.finish(`${total.toLocaleString('en-US')} sign-ins, ${stats.operations.toLocaleString('en-US')} Activity-log records`);
  return stats;
}
