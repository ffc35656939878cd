import { userAgentFamily } from '../../catalog/user-agents.js';
import type { IdentityFeatures } from '../../features/identity-features.js';

/** Behaviour read off the features, as numbers the classifier weighs. Pure and cheap. */
export interface Behaviour {
  /** Share of sign-ins on Saturday or Sunday (UTC). */
  weekendShare: number;
  /** Sign-ins in the busiest hour of the day divided by all sign-ins: a nightly job is near 1. */
  peakHourShare: number;
  /** Share of sign-ins whose user agent is a tool or SDK (of those with a user agent). */
  automationAgentShare: number;
  browserShare: number;
  ciAgentShare: number;
  withUserAgent: number;
  azureShare: number;
  cloudShare: number;
  /** Interactive sign-ins that were not password grants: someone at a prompt. */
  promptedSignIns: number;
}

const WEEKEND_FROM = 120;

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function behaviourOf(features: IdentityFeatures): Behaviour {
  // One pass over the 168 cells (it runs for every identity). Monday 00:00 is cell 0, so Saturday and Sunday are
  // cells 120–167.
  let total = 0;
  let weekend = 0;
  const byHourOfDay = new Array<number>(24).fill(0);
  const cells = features.hourOfWeek;
  for (let cell = 0; cell < cells.length; cell += 1) {
    const n = cells[cell] ?? 0;
    total += n;
    if (cell >= WEEKEND_FROM) weekend += n;
    byHourOfDay[cell % 24] = (byHourOfDay[cell % 24] ?? 0) + n;
  }
  let withUserAgent = 0;
  let automation = 0;
  let browser = 0;
  let ci = 0;
  for (const agent of features.userAgents) {
    withUserAgent += agent.count;
    const family = userAgentFamily(agent.key);
    if (family?.automation) automation += agent.count;
    if (family?.ci) ci += agent.count;
    if (agent.key === 'browser') browser += agent.count;
  }
  return {
    weekendShare: share(weekend, total),
    peakHourShare: share(Math.max(...byHourOfDay), total),
    automationAgentShare: share(automation, withUserAgent),
    browserShare: share(browser, withUserAgent),
    ciAgentShare: share(ci, withUserAgent),
    withUserAgent,
    azureShare: share(features.azureAsnSignIns, features.signIns),
    cloudShare: share(features.cloudAsnSignIns, features.signIns),
    promptedSignIns: Math.max(0, features.interactive - features.ropc),
  };
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function duration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds >= 3_600) return `${Math.round((seconds / 3_600) * 10) / 10} h`;
  return `${Math.round(seconds / 60)} min`;
}
