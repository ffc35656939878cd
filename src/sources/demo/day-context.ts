/** What a behaviour gets for one identity and one day: the calendar, the volume scale, and where to emit. */
import type { AppRef } from './apps.js';
import type { AzureResource } from './azure-resources.js';
import type { Caller, OperationVerb } from './activity-records.js';
import type { DemoDirectory, DemoUser } from './directory.js';
import type { Rng } from './prng.js';
import type { UserSignInEvent, WorkloadSignInEvent } from './sign-in-records.js';

export interface OperationRequest {
  at: number;
  target: AzureResource;
  verb: OperationVerb;
  action?: string;
  created?: boolean;
  caller: Caller;
}

export interface DayContext {
  directory: DemoDirectory;
  day: number;
  /** Epoch ms of 00:00 UTC. */
  start: number;
  weekend: boolean;
  /** Multiplier on background volume (token refreshes, workload sign-ins); 1 at the default size. */
  scale: number;
  signIn(event: UserSignInEvent): void;
  workloadSignIn(event: WorkloadSignInEvent): void;
  /** Emit an ARM operation; returns false when an MFA policy refused it. */
  operation(request: OperationRequest): boolean;
}

/** `base` events scaled by the background multiplier, with ±40% jitter and random rounding. */
export function scaledCount(base: number, scale: number, rng: Rng): number {
  const x = base * scale * (0.6 + 0.8 * rng.next());
  const whole = Math.floor(x);
  return whole + (rng.next() < x - whole ? 1 : 0);
}

export function userCaller(user: DemoUser, app: AppRef, amr: 'pwd' | 'pwd,mfa', ip: string, appidacr: '0' | '2' = '0'): Caller {
  return {
    kind: 'user',
    objectId: user.id,
    appId: app.id,
    appidacr,
    upn: user.upn,
    name: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    amr,
    ip,
    managedIdentityResourceId: null,
  };
}

export function pickName(target: AzureResource, rng: Rng): string {
  return rng.pick(target.names);
}
