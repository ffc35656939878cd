import { DEVICE_PLATFORMS, type DevicePlatform } from '../../../catalog/conditional-access.js';
import type { AccessFacts } from '../../../model/access-facts.js';
import { allOf, not, unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

/** The device platform Conditional Access would see, 'unknown' for an operating system none of its platforms is, null when not logged. */
export function devicePlatform(operatingSystem: string | null): DevicePlatform | 'unknown' | null {
  if (operatingSystem === null || operatingSystem.trim() === '') return null;
  const lower = operatingSystem.trim().toLowerCase();
  for (const [prefix, platform] of DEVICE_PLATFORMS.byOperatingSystemPrefix) if (lower.startsWith(prefix)) return platform;
  return 'unknown';
}

function listed(platforms: readonly string[], platform: DevicePlatform | 'unknown'): boolean {
  return platforms.includes('all') || (platform !== 'unknown' && platforms.some((entry) => entry.toLowerCase() === platform.toLowerCase()));
}

/** platforms: included (all, or named) and not excluded. A platform Conditional Access cannot tell is only in "all". */
export function platformsCondition(policy: CaPolicy, facts: AccessFacts): Answer {
  const platforms = policy.conditions.platforms;
  if (platforms === null || (platforms.include.length === 0 && platforms.exclude.length === 0)) return 'yes';
  const platform = devicePlatform(facts.deviceOs);
  const everyone = platforms.include.includes('all') && platforms.exclude.length === 0;
  if (platform === null) return everyone ? 'yes' : unknown('platforms');
  const included: Answer = listed(platforms.include, platform) ? 'yes' : 'no';
  const excluded: Answer = platforms.exclude.length > 0 && listed(platforms.exclude, platform) ? 'yes' : 'no';
  return allOf([included, not(excluded)]);
}
