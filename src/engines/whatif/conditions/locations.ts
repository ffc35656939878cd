import { MFA_TRUSTED_IPS_LOCATION } from '../../../catalog/conditional-access.js';
import type { AccessFacts, DirectoryFacts } from '../../../model/access-facts.js';
import { allOf, anyOf, not, unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

const ALL = 'All';
const ALL_TRUSTED = 'AllTrusted';

function inNamedLocation(id: string, facts: AccessFacts, directory: DirectoryFacts): Answer {
  if (id === ALL) return 'yes';
  if (id === MFA_TRUSTED_IPS_LOCATION.id) return unknown('locations.mfaTrustedIps');
  if (id === ALL_TRUSTED) {
    if (facts.ipLocations === null) return unknown('locations.ipAddress');
    return facts.ipLocations.some((location) => directory.namedLocations.get(location)?.trusted === true) ? 'yes' : 'no';
  }
  const location = directory.namedLocations.get(id.toLowerCase());
  if (location === undefined) return unknown('locations.namedLocation');
  if (location.kind === 'ip') {
    if (facts.ipLocations === null) return unknown('locations.ipAddress');
    return facts.ipLocations.includes(location.id) ? 'yes' : 'no';
  }
  // The authenticator app's GPS position is in no export.
  if (location.lookup !== 'clientIpAddress') return unknown('locations.countryLookupMethod');
  if (facts.country === null) return location.includeUnknownCountries ? 'yes' : unknown('locations.country');
  return location.countries.some((country) => country.toUpperCase() === facts.country?.toUpperCase()) ? 'yes' : 'no';
}

/** locations: named locations by IP range (trusted or not) and by country, included and not excluded. */
export function locationsCondition(policy: CaPolicy, facts: AccessFacts, directory: DirectoryFacts): Answer {
  const locations = policy.conditions.locations;
  if (locations === null || (locations.include.length === 0 && locations.exclude.length === 0)) return 'yes';
  const included = anyOf(locations.include.map((id) => inNamedLocation(id, facts, directory)));
  if (included === 'no') return 'no';
  const excluded = anyOf(locations.exclude.map((id) => inNamedLocation(id, facts, directory)));
  return allOf([included, not(excluded)]);
}
