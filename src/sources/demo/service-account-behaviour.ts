/**
 * How each service account of demo-scenarios.md spends a day: fixed schedules (hourly, nightly, every
 * 15 minutes), fixed addresses (or CI runners that change every run), automation user agents, ROPC to ARM,
 * and the ARM writes that make a failure certain. Their volume never scales: the evidence must not change.
 */
import { APPS, RESOURCE_APPS } from './apps.js';
import type { AppRef } from './apps.js';
import { AZURE_RESOURCES } from './azure-resources.js';
import type { AzureResource } from './azure-resources.js';
import { DEPLOYERS_POLICY_DAY } from './conditional-access.js';
import type { DayContext } from './day-context.js';
import { pickName, userCaller } from './day-context.js';
import type { DemoUser } from './directory.js';
import type { Place } from './network.js';
import { placeIn } from './network.js';
import type { Rng } from './prng.js';
import type { ServiceAccountScenarioId } from './scenarios.js';
import type { UserAuth } from './sign-in-records.js';
import { dayStart, HOUR_MS, MINUTE_MS } from './timeline.js';
import type { Client } from './user-agents.js';
import { TOOLS } from './user-agents.js';

/** The day on which svc-migrated went quiet: its service principal does the work from then on. */
export const MIGRATION_DAY = 20;
/** When an administrator disabled svc-disabled (the audit log's "Disable account"); its cron kept trying after. */
export const DISABLED_AT_MS = dayStart(5) + 10 * HOUR_MS + 12 * MINUTE_MS;

interface Login {
  at: number;
  app: AppRef;
  resource?: AppRef;
  client: Client;
  place?: Place;
  auth?: UserAuth;
  interactive?: boolean;
}

function login(ctx: DayContext, user: DemoUser, rng: Rng, spec: Login): void {
  // Each run signs in afresh: a new session, which its refresh (if any) rides, single-factor like the password it began with.
  const sessionId = rng.uuid();
  ctx.signIn({
    interactive: spec.interactive ?? true,
    at: spec.at,
    user,
    app: spec.app,
    resource: spec.resource ?? RESOURCE_APPS.arm,
    place: spec.place ?? user.home,
    client: spec.client,
    clientAppUsed: 'Mobile Apps and Desktop clients',
    protocol: 'ropc',
    incomingTokenType: 'none',
    auth: spec.auth ?? 'password',
    sessionId,
  });
  if (spec.interactive === false || spec.auth === 'account-disabled' || spec.auth === 'mfa-required-ca') return;
  // The tool keeps its session: a refresh-token sign-in follows some runs.
  if (rng.chance(0.3)) {
    ctx.signIn({
      interactive: false,
      at: spec.at + rng.between(30_000, 600_000),
      user,
      app: spec.app,
      resource: spec.resource ?? RESOURCE_APPS.arm,
      place: spec.place ?? user.home,
      client: null,
      clientAppUsed: 'Mobile Apps and Desktop clients',
      protocol: 'none',
      incomingTokenType: 'refreshToken',
      auth: 'refresh-single',
      sessionId,
    });
  }
}

function write(ctx: DayContext, user: DemoUser, rng: Rng, at: number, app: AppRef, target: AzureResource, place: Place, verb: 'write' | 'delete' | 'action' = 'write', action?: string): boolean {
  const request = { at, target, verb, created: rng.chance(0.2), caller: userCaller(user, app, 'pwd', place.ip) };
  return ctx.operation(action === undefined ? request : { ...request, action });
}

function jitter(rng: Rng, seconds: number): number {
  return rng.int(seconds * 1000);
}

type Behaviour = (ctx: DayContext, user: DemoUser, rng: Rng) => void;

const BEHAVIOURS: Record<ServiceAccountScenarioId, Behaviour> = {
  'svc-vm-cli'(ctx, user, rng) {
    for (let hour = 0; hour < 24; hour++) {
      const at = ctx.start + hour * HOUR_MS + 5 * MINUTE_MS + jitter(rng, 90);
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliOnAzureVm });
      const vm = AZURE_RESOURCES.maintenanceVms;
      if (hour === 19) write(ctx, user, rng, at + 40_000, APPS.azureCli, vm, user.home, 'action', 'deallocate');
      else if (hour === 7) write(ctx, user, rng, at + 40_000, APPS.azureCli, vm, user.home, 'action', 'start');
      write(ctx, user, rng, at + 20_000 + jitter(rng, 40), APPS.azureCli, vm, user.home);
    }
  },
  'svc-runbook'(ctx, user, rng) {
    const at = ctx.start + 2 * HOUR_MS + jitter(rng, 120);
    login(ctx, user, rng, { at, app: APPS.azurePowerShell, client: TOOLS.powershellOnPrem });
    const writes = rng.between(3, 5);
    for (let i = 0; i < writes; i++) {
      const target = i % 2 === 0 ? AZURE_RESOURCES.runbookStorage : AZURE_RESOURCES.runbookWebConfig;
      write(ctx, user, rng, at + (i + 1) * 25_000 + jitter(rng, 10), APPS.azurePowerShell, target, user.home);
    }
  },
  'svc-terraform'(ctx, user, rng) {
    // Nightly drift check (plan only) and, on working days, applies after merges.
    const plan = ctx.start + 3 * HOUR_MS + jitter(rng, 600);
    login(ctx, user, rng, { at: plan, app: APPS.azureCli, client: TOOLS.cliTerraformGitHub, place: placeIn(rng, 'githubRunners') });
    const applies = ctx.weekend ? 0 : rng.between(1, 4);
    for (let run = 0; run < applies; run++) {
      const at = ctx.start + rng.between(9 * 60, 18 * 60) * MINUTE_MS + jitter(rng, 60);
      const runner = placeIn(rng, 'githubRunners');
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliTerraformGitHub, place: runner });
      const writes = rng.between(2, 6);
      for (let i = 0; i < writes; i++) {
        const target = rng.pick([AZURE_RESOURCES.terraformNonprod, AZURE_RESOURCES.terraformNsg, AZURE_RESOURCES.terraformShared]);
        write(ctx, user, rng, at + 60_000 + i * 15_000, APPS.azureCli, target, runner);
      }
    }
  },
  'svc-inventory'(ctx, user, rng) {
    for (const hour of [0, 6, 12, 18]) {
      login(ctx, user, rng, { at: ctx.start + hour * HOUR_MS + 15 * MINUTE_MS + jitter(rng, 60), app: APPS.azurePowerShell, client: TOOLS.powershellOnPrem });
    }
  },
  'svc-graph-reports'(ctx, user, rng) {
    const at = ctx.start + 6 * HOUR_MS + 30 * MINUTE_MS + jitter(rng, 60);
    login(ctx, user, rng, { at, app: APPS.graphCommandLineTools, resource: RESOURCE_APPS.graph, client: TOOLS.msalPython });
  },
  'svc-custom-ropc'(ctx, user, rng) {
    const app = ctx.directory.workloads.find((workload) => workload.scenario === 'sp-public-client');
    if (!app) throw new Error('demo directory has no sp-public-client');
    const client = { id: app.appId, name: app.displayName };
    for (let hour = 1; hour < 24; hour += 4) {
      const at = ctx.start + hour * HOUR_MS + 10 * MINUTE_MS + jitter(rng, 30);
      login(ctx, user, rng, { at, app: client, client: TOOLS.pythonRequests });
      write(ctx, user, rng, at + 5_000, client, AZURE_RESOURCES.billingTags, user.home);
    }
  },
  'human-named-service'(ctx, user, rng) {
    for (let slot = 0; slot < 96; slot++) {
      const at = ctx.start + slot * 15 * MINUTE_MS + jitter(rng, 20);
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliOnAzureVm });
      if (slot % 4 === 0) write(ctx, user, rng, at + 12_000, APPS.azureCli, AZURE_RESOURCES.webConfigShared, user.home);
    }
  },
  'svc-deploy-legacy'(ctx, user, rng) {
    const runs = [ctx.start + 90 * MINUTE_MS + jitter(rng, 300)];
    if (!ctx.weekend) for (let i = rng.between(1, 3); i > 0; i--) runs.push(ctx.start + rng.between(10 * 60, 16 * 60) * MINUTE_MS);
    for (const at of runs) {
      const agent = placeIn(rng, 'azureWestEurope');
      if (ctx.day >= DEPLOYERS_POLICY_DAY) {
        // Conditional Access now demands MFA: every attempt fails, and the pipeline retries twice.
        for (let attempt = 0; attempt < 3; attempt++) {
          login(ctx, user, rng, { at: at + attempt * 45_000, app: APPS.azureCli, client: TOOLS.cliAdoHosted, place: agent, auth: 'mfa-required-ca', interactive: true });
        }
        continue;
      }
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliAdoHosted, place: agent });
      const writes = rng.between(1, 3);
      for (let i = 0; i < writes; i++) {
        write(ctx, user, rng, at + 30_000 + i * 20_000, APPS.azureCli, AZURE_RESOURCES.prodDeployments, agent);
      }
    }
  },
  'svc-stale'() {},
  'svc-migrated'(ctx, user, rng) {
    if (ctx.day >= MIGRATION_DAY) return;
    for (let hour = 0; hour < 24; hour += 2) {
      const at = ctx.start + hour * HOUR_MS + 20 * MINUTE_MS + jitter(rng, 60);
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliOnAzureVm });
      write(ctx, user, rng, at + 15_000, APPS.azureCli, AZURE_RESOURCES.webConfigShared, user.home);
    }
  },
  'svc-backup'(ctx, user, rng) {
    const at = ctx.start + HOUR_MS + jitter(rng, 90);
    login(ctx, user, rng, { at, app: APPS.azurePowerShell, client: TOOLS.powershellOnPremBackup });
    const snapshots = AZURE_RESOURCES.backupSnapshots;
    for (let i = 0; i < snapshots.names.length; i++) {
      const name = snapshots.names[i] ?? pickName(snapshots, rng);
      const created = { ...snapshots, names: [`${name}-${ctx.day}`] };
      const expired = { ...snapshots, names: [`${name}-${ctx.day - 7}`] };
      ctx.operation({ at: at + (i + 1) * 60_000, target: created, verb: 'write', created: true, caller: userCaller(user, APPS.azurePowerShell, 'pwd', user.home.ip) });
      ctx.operation({ at: at + (i + 1) * 60_000 + 20_000, target: expired, verb: 'delete', caller: userCaller(user, APPS.azurePowerShell, 'pwd', user.home.ip) });
    }
  },
  'svc-ado-agent'(ctx, user, rng) {
    const runs = rng.between(3, 6);
    for (let run = 0; run < runs; run++) {
      const at = ctx.start + rng.int(24 * 60) * MINUTE_MS + jitter(rng, 60);
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliAdoSelfHosted });
      for (let i = rng.between(1, 4); i > 0; i--) write(ctx, user, rng, at + i * 30_000, APPS.azureCli, AZURE_RESOURCES.adoNonprod, user.home);
    }
  },
  'svc-sql-reader'(ctx, user, rng) {
    for (let hour = 1; hour < 24; hour += 3) {
      login(ctx, user, rng, { at: ctx.start + hour * HOUR_MS + 40 * MINUTE_MS + jitter(rng, 60), app: APPS.azureCli, client: TOOLS.cliOnAzureVm });
    }
  },
  'svc-appservice-sdk'(ctx, user, rng) {
    for (let slot = 0; slot < 48; slot++) {
      const at = ctx.start + slot * 30 * MINUTE_MS + jitter(rng, 30);
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.pythonSdkAppService, interactive: slot % 2 === 0 });
      if (slot % 4 === 0) write(ctx, user, rng, at + 8_000, APPS.azureCli, AZURE_RESOURCES.appServiceSlots, user.home);
    }
  },
  'svc-disabled'(ctx, user, rng) {
    for (let hour = 0; hour < 24; hour++) {
      const at = ctx.start + hour * HOUR_MS + 30 * MINUTE_MS + jitter(rng, 60);
      if (at >= DISABLED_AT_MS) {
        login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliOnAzureVm, auth: 'account-disabled' });
        continue;
      }
      login(ctx, user, rng, { at, app: APPS.azureCli, client: TOOLS.cliOnAzureVm });
      if (hour % 6 === 0) write(ctx, user, rng, at + 20_000, APPS.azureCli, AZURE_RESOURCES.maintenanceVms, user.home);
    }
  },
  'entra-connect-sync'(ctx, user, rng) {
    for (let slot = 0; slot < 48; slot++) {
      login(ctx, user, rng, { at: ctx.start + slot * 30 * MINUTE_MS + user.workStart * 1000 + jitter(rng, 20), app: APPS.entraConnect, resource: RESOURCE_APPS.azureAd, client: TOOLS.entraConnect });
    }
  },
};

export function serviceAccountDay(ctx: DayContext, user: DemoUser, rng: Rng, scenario: ServiceAccountScenarioId): void {
  BEHAVIOURS[scenario](ctx, user, rng);
}
