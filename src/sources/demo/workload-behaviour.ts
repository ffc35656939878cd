/**
 * Service principals and managed identities: token requests at regular intervals (volume scales with the
 * requested size), and for the deploying ones app-only ARM writes. The migration target takes over
 * svc-migrated's work, from the same address, on the day it went quiet.
 */
import { AZURE_RESOURCES } from './azure-resources.js';
import type { Caller } from './activity-records.js';
import type { DayContext } from './day-context.js';
import { scaledCount } from './day-context.js';
import type { DemoWorkload } from './directory.js';
import type { Rng } from './prng.js';
import { MIGRATION_DAY } from './service-account-behaviour.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './timeline.js';
import { RESOURCE_APPS } from './apps.js';

function appCaller(workload: DemoWorkload): Caller {
  return {
    kind: 'app',
    objectId: workload.id,
    appId: workload.appId,
    appidacr: workload.credential === 'clientSecret' ? '1' : '2',
    upn: null,
    name: null,
    givenName: null,
    surname: null,
    amr: null,
    ip: workload.place?.ip ?? '',
    managedIdentityResourceId: workload.kind === 'managedIdentity' ? workload.associatedResourceId : null,
  };
}

function migrationTargetDay(ctx: DayContext, workload: DemoWorkload, rng: Rng): void {
  if (ctx.day < MIGRATION_DAY) return;
  for (let hour = 0; hour < 24; hour += 2) {
    const at = ctx.start + hour * HOUR_MS + 20 * MINUTE_MS + rng.int(60_000);
    ctx.workloadSignIn({ at, workload, resource: RESOURCE_APPS.arm });
    ctx.operation({ at: at + 15_000, target: AZURE_RESOURCES.webConfigShared, verb: 'write', created: false, caller: appCaller(workload) });
  }
}

export function workloadDay(ctx: DayContext, workload: DemoWorkload, rng: Rng): void {
  if (workload.scenario === 'sp-migration-target') return migrationTargetDay(ctx, workload, rng);
  if (workload.dailySignIns === 0 || workload.resources.length === 0) return;
  // One token a day whatever the scale, so every workload shows up in its log; the rest is background volume.
  const count = 1 + scaledCount(workload.dailySignIns - 1, ctx.scale, rng);
  const period = DAY_MS / Math.max(count, 1);
  const offset = rng.int(Math.max(1, Math.floor(period)));
  for (let i = 0; i < count; i++) {
    const at = ctx.start + Math.floor(offset + i * period) + rng.int(20_000);
    const resource = workload.resources[i % workload.resources.length] ?? RESOURCE_APPS.arm;
    ctx.workloadSignIn({ at: Math.min(at, ctx.start + DAY_MS - 1), workload, resource });
  }
  if (!workload.writes) return;
  const deploys = workload.credential === 'federatedIdentityCredential' ? (ctx.weekend ? 0 : rng.between(1, 3)) : 2;
  for (let i = 0; i < deploys; i++) {
    const at = ctx.start + rng.between(8 * 60, 20 * 60) * MINUTE_MS;
    ctx.workloadSignIn({ at, workload, resource: RESOURCE_APPS.arm });
    for (let j = rng.between(1, 3); j > 0; j--) {
      ctx.operation({ at: at + j * 20_000, target: AZURE_RESOURCES.workloadShared, verb: 'write', created: rng.chance(0.2), caller: appCaller(workload) });
    }
  }
}
