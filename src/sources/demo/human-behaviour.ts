/**
 * How the demo's people spend a day: a working-day rhythm in their own hours, an Office session with token
 * refreshes, office or home connections (or another country while travelling), and, by scenario, the Azure
 * portal, the CLI or the mobile app with or without MFA. Token refreshes scale with the requested volume.
 */
import { APPS, OFFICE_PAIRS, RESOURCE_APPS } from './apps.js';
import type { AppRef } from './apps.js';
import { AZURE_RESOURCES } from './azure-resources.js';
import type { DayContext } from './day-context.js';
import { scaledCount, userCaller } from './day-context.js';
import type { DemoUser } from './directory.js';
import type { Place } from './network.js';
import { placeIn, placeInBlock } from './network.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';
import type { HumanScenarioId } from './scenarios.js';
import type { UserAuth } from './sign-in-records.js';
import { MINUTE_MS, weekday } from './timeline.js';
import type { Client } from './user-agents.js';
import { AZURE_MOBILE_APP, TOOLS } from './user-agents.js';

/** The window day on which both break-glass accounts are tested. */
const BREAK_GLASS_TEST_DAY = 12;

interface Presence {
  place: Place;
  /** Epoch ms the working day starts and ends. */
  from: number;
  to: number;
  travelling: boolean;
}

function presence(ctx: DayContext, user: DemoUser, rng: Rng, attendance: number): Presence | null {
  if (ctx.weekend || !rng.chance(attendance)) return null;
  const from = ctx.start + (user.workStart + rng.between(-20, 25)) * MINUTE_MS;
  const to = from + rng.between(7 * 60 + 30, 9 * 60 + 30) * MINUTE_MS;
  const travel = user.travel;
  if (travel && ctx.day >= travel.firstDay && ctx.day <= travel.lastDay) return { place: placeInBlock(rng, travel.block), from, to, travelling: true };
  if (user.userType === 'Guest') return { place: user.home, from, to, travelling: false };
  const inOffice = rng.chance(0.6);
  return { place: inOffice ? placeIn(rng, 'corporateOffice') : user.home, from, to, travelling: false };
}

function during(p: Presence, rng: Rng): number {
  return p.from + rng.int(p.to - p.from);
}

interface Session {
  app: AppRef;
  resource: AppRef;
  client: Client;
  auth: UserAuth;
  browser: boolean;
  /** The Entra session id the sign-in begins or rides. */
  id: string;
}

/**
 * How a refresh is logged (reference/data-formats.md, "Sessions"): single-factor with no steps when no policy asks
 * for MFA again, whatever the token carries; "MFA requirement satisfied by claim in the token" when one does, as the
 * admins' policy (CA001) does for administrators of a session that completed MFA.
 */
function refreshAuth(user: DemoUser, sessionMfa: boolean): UserAuth {
  const askedAgain = user.roles.length > 0 && user.scenario !== 'break-glass-fido2' && user.scenario !== 'break-glass-password';
  return sessionMfa && askedAgain ? 'refresh-mfa' : 'refresh-single';
}

/** A session begun before the window (a portal tab left open): the same id every day, from the user's id. */
function preWindowSession(ctx: DayContext, user: DemoUser): string {
  return createRng(ctx.directory.seed, `pre-window-session:${user.id}`).uuid();
}

function interactive(ctx: DayContext, user: DemoUser, at: number, place: Place, session: Session): void {
  ctx.signIn({
    interactive: true,
    at,
    user,
    app: session.app,
    resource: session.resource,
    place,
    client: session.client,
    clientAppUsed: session.browser ? 'Browser' : 'Mobile Apps and Desktop clients',
    protocol: 'none',
    incomingTokenType: 'none',
    auth: session.auth,
    sessionId: session.id,
  });
}

/** `sessionMfa`: whether the session the refreshes ride completed MFA (it decides how they are logged, see refreshAuth). */
function refreshes(ctx: DayContext, user: DemoUser, rng: Rng, p: Presence, base: number, pair: () => readonly [AppRef, AppRef], sessionMfa: boolean, agent: Client | null, sessionId: string, minimum = 0): void {
  const count = Math.max(minimum, scaledCount(base, ctx.scale, rng));
  for (let i = 0; i < count; i++) {
    const [app, resource] = pair();
    ctx.signIn({
      interactive: false,
      at: during(p, rng),
      user,
      app,
      resource,
      place: p.place,
      client: agent && rng.chance(0.5) ? agent : null,
      clientAppUsed: agent ? 'Browser' : 'Mobile Apps and Desktop clients',
      protocol: 'none',
      incomingTokenType: rng.chance(0.7) ? 'refreshToken' : 'primaryRefreshToken',
      auth: refreshAuth(user, sessionMfa),
      sessionId,
    });
  }
}

function officeDay(ctx: DayContext, user: DemoUser, rng: Rng, p: Presence): void {
  const registered = user.mfaMethods.length > 0;
  const freshMfa = registered && (weekday(ctx.day) === 1 || p.travelling || rng.chance(0.15));
  // Conditional Access requires MFA of administrators: their sessions always carry the claim.
  const admin = user.roles.length > 0;
  const session = rng.uuid();
  if (user.travel && (ctx.day === user.travel.firstDay || rng.chance(0.08))) {
    // Mistyped passwords (50126) before the right one, in the same sign-in flow.
    for (let i = rng.between(1, 2); i > 0; i--) {
      interactive(ctx, user, p.from - i * 40_000, p.place, { app: APPS.officeHome, resource: RESOURCE_APPS.graph, client: user.browser, auth: 'bad-password', browser: true, id: session });
    }
  }
  const auth: UserAuth = freshMfa ? 'mfa-push' : admin ? 'mfa-previous' : 'previous';
  interactive(ctx, user, p.from, p.place, { app: APPS.officeHome, resource: RESOURCE_APPS.graph, client: user.browser, auth, browser: true, id: session });
  refreshes(ctx, user, rng, p, 4, () => rng.pick(OFFICE_PAIRS), auth !== 'previous', null, session);
}

function weekendMobile(ctx: DayContext, user: DemoUser, rng: Rng): void {
  if (!ctx.weekend || user.userType === 'Guest' || !rng.chance(0.12)) return;
  const from = ctx.start + rng.between(9 * 60, 20 * 60) * MINUTE_MS;
  const p: Presence = { place: placeIn(rng, 'homeIsp'), from, to: from + 30 * MINUTE_MS, travelling: false };
  // The phone's session began long before the window: its refreshes cannot be traced (out of scope, so harmless).
  refreshes(ctx, user, rng, p, 2, () => [APPS.outlookMobile, RESOURCE_APPS.exchange], user.roles.length > 0, null, rng.uuid());
}

function portalSession(ctx: DayContext, user: DemoUser, rng: Rng, p: Presence, writes: number, auth: UserAuth): void {
  const at = during(p, rng);
  const session = rng.uuid();
  interactive(ctx, user, at, p.place, { app: APPS.azurePortal, resource: RESOURCE_APPS.arm, client: user.browser, auth, browser: true, id: session });
  // The portal refreshes its ARM token in the background: logged single-factor, carrying the session's MFA.
  refreshes(ctx, user, rng, { ...p, from: at }, 2, () => [APPS.azurePortal, RESOURCE_APPS.arm], true, user.browser, session);
  for (let i = 0; i < writes; i++) {
    const target = rng.chance(0.7) ? AZURE_RESOURCES.humanNonprod : AZURE_RESOURCES.humanProd;
    ctx.operation({ at: at + (i + 1) * rng.between(60_000, 900_000), target, verb: 'write', created: rng.chance(0.3), caller: userCaller(user, APPS.azurePortal, 'pwd,mfa', p.place.ip, '2') });
  }
}

function cliSession(ctx: DayContext, user: DemoUser, rng: Rng, p: Presence, writes: number, mfa: boolean): void {
  const at = during(p, rng);
  const tool = user.browser.operatingSystem === 'MacOs' ? TOOLS.cliHumanMac : TOOLS.cliHumanWorkstation;
  const session = rng.uuid();
  interactive(ctx, user, at, p.place, { app: APPS.azureCli, resource: RESOURCE_APPS.arm, client: tool, auth: mfa ? 'mfa-previous' : 'password', browser: false, id: session });
  // The CLI refreshes its ARM token from the cached session between commands.
  refreshes(ctx, user, rng, { ...p, from: at, to: at + 20 * MINUTE_MS }, 1, () => [APPS.azureCli, RESOURCE_APPS.arm], mfa, tool, session);
  for (let i = 0; i < writes; i++) {
    const target = mfa && rng.chance(0.4) ? AZURE_RESOURCES.humanProd : AZURE_RESOURCES.humanNonprod;
    ctx.operation({ at: at + (i + 1) * rng.between(30_000, 600_000), target, verb: 'write', created: rng.chance(0.3), caller: userCaller(user, APPS.azureCli, mfa ? 'pwd,mfa' : 'pwd', p.place.ip) });
  }
}

type Behaviour = (ctx: DayContext, user: DemoUser, rng: Rng) => void;

function portalUser(ctx: DayContext, user: DemoUser, rng: Rng): void {
  const p = presence(ctx, user, rng, 0.93);
  if (!p) return weekendMobile(ctx, user, rng);
  officeDay(ctx, user, rng, p);
  if (rng.chance(0.5)) portalSession(ctx, user, rng, p, rng.chance(0.3) ? rng.between(1, 2) : 0, 'mfa-push');
  if (user.index % 3 === 0 && rng.chance(0.4)) cliSession(ctx, user, rng, p, rng.between(0, 3), true);
}

const BEHAVIOURS: Record<HumanScenarioId, Behaviour> = {
  'office-worker'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.93);
    if (!p) return weekendMobile(ctx, user, rng);
    officeDay(ctx, user, rng, p);
  },
  'portal-mfa': portalUser,
  'portal-mfa-traveller': portalUser,
  'admin-mfa'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.95);
    if (!p) return weekendMobile(ctx, user, rng);
    officeDay(ctx, user, rng, p);
    portalSession(ctx, user, rng, p, rng.between(0, 2), 'mfa-push');
    if (rng.chance(0.7)) cliSession(ctx, user, rng, p, rng.between(1, 4), true);
  },
  'admin-cli-no-mfa'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.93);
    if (!p) return weekendMobile(ctx, user, rng);
    officeDay(ctx, user, rng, p);
    if (rng.chance(0.7)) cliSession(ctx, user, rng, p, rng.between(1, 3), false);
  },
  'mobile-app-no-mfa'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.93);
    if (!p) return weekendMobile(ctx, user, rng);
    officeDay(ctx, user, rng, p);
    if (!rng.chance(0.4)) return;
    const at = during(p, rng);
    const phone = placeIn(rng, 'homeIsp');
    interactive(ctx, user, at, phone, { app: APPS.azureMobileApp, resource: RESOURCE_APPS.arm, client: AZURE_MOBILE_APP, auth: 'password', browser: false, id: rng.uuid() });
    for (let i = rng.between(1, 2); i > 0; i--) {
      ctx.operation({ at: at + i * 45_000, target: AZURE_RESOURCES.humanNonprod, verb: 'write', caller: userCaller(user, APPS.azureMobileApp, 'pwd', phone.ip) });
    }
  },
  'guest-admin-home-mfa'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.5);
    if (!p) return;
    portalSession(ctx, user, rng, p, rng.between(0, 2), 'mfa-home-tenant');
  },
  'guest-no-scope'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.25);
    if (!p) return;
    const session = rng.uuid();
    interactive(ctx, user, p.from, p.place, { app: APPS.teams, resource: RESOURCE_APPS.teamsServices, client: user.browser, auth: 'previous', browser: true, id: session });
    refreshes(ctx, user, rng, p, 3, () => rng.pick([[APPS.teams, RESOURCE_APPS.teamsServices], [APPS.teams, RESOURCE_APPS.sharePoint]] as const), false, null, session);
  },
  'break-glass-fido2'(ctx, user, rng) {
    if (ctx.day !== BREAK_GLASS_TEST_DAY) return;
    // A passkey sign-in no policy asks MFA of is logged single-factor, and so are the portal's refreshes after it.
    const at = ctx.start + 10 * 60 * MINUTE_MS + rng.int(60_000);
    const office = placeIn(rng, 'corporateOffice');
    const session = rng.uuid();
    interactive(ctx, user, at, office, { app: APPS.azurePortal, resource: RESOURCE_APPS.arm, client: user.browser, auth: 'fido2', browser: true, id: session });
    const p: Presence = { place: office, from: at, to: at + 25 * MINUTE_MS, travelling: false };
    refreshes(ctx, user, rng, p, 2, () => [APPS.azurePortal, RESOURCE_APPS.arm], true, user.browser, session);
  },
  'break-glass-password'(ctx, user, rng) {
    if (ctx.day !== BREAK_GLASS_TEST_DAY) return;
    interactive(ctx, user, ctx.start + 10 * 60 * MINUTE_MS + 5 * MINUTE_MS + rng.int(60_000), placeIn(rng, 'corporateOffice'), {
      app: APPS.azurePortal,
      resource: RESOURCE_APPS.arm,
      client: user.browser,
      auth: 'mfa-required',
      browser: true,
      id: rng.uuid(),
    });
  },
  'portal-session-before-window'(ctx, user, rng) {
    const p = presence(ctx, user, rng, 0.93);
    if (!p) return weekendMobile(ctx, user, rng);
    officeDay(ctx, user, rng, p);
    // The first days of the window, the portal tab left open since before it refreshes its ARM token: a session whose
    // first sign-in is not in the data. Nothing else of theirs reaches the portal or ARM. At least one refresh even at
    // --sign-ins 0, where the scenario identities alone must still show what each scenario is about.
    if (ctx.day <= 1) refreshes(ctx, user, rng, p, 3, () => [APPS.azurePortal, RESOURCE_APPS.arm], false, user.browser, preWindowSession(ctx, user), 1);
  },
};

export function humanDay(ctx: DayContext, user: DemoUser, rng: Rng, scenario: HumanScenarioId): void {
  BEHAVIOURS[scenario](ctx, user, rng);
}
