/**
 * The demo tenant's Conditional Access named locations: its office and data centre as trusted IP ranges (so analyze
 * can say which accounts sign in from them, and that trust does not exempt them from mandatory MFA), and a list of
 * countries, which names no address.
 */
import { NETWORKS, type NetworkBlock } from './network.js';
import { createRng } from './prng.js';
import { dayStart, graphTimestamp } from './timeline.js';

function cidrOf(block: NetworkBlock): { '@odata.type': string; cidrAddress: string } {
  const octets = [...block.prefix, 0, 0, 0, 0].slice(0, 4);
  return { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: `${octets.join('.')}/${block.prefix.length * 8}` };
}

export function namedLocationObjects(seed: number): Record<string, unknown>[] {
  const rng = createRng(seed, 'named-locations');
  const dates = { createdDateTime: graphTimestamp(dayStart(-500)), modifiedDateTime: graphTimestamp(dayStart(-90)) };
  return [
    { '@odata.type': '#microsoft.graph.ipNamedLocation', id: rng.uuid(), displayName: 'London office', ...dates, isTrusted: true, ipRanges: NETWORKS.corporateOffice.map(cidrOf) },
    { '@odata.type': '#microsoft.graph.ipNamedLocation', id: rng.uuid(), displayName: 'Slough data centre', ...dates, isTrusted: true, ipRanges: NETWORKS.onPremDatacenter.map(cidrOf) },
    { '@odata.type': '#microsoft.graph.countryNamedLocation', id: rng.uuid(), displayName: 'Blocked countries', ...dates, countriesAndRegions: ['KP', 'IR'], includeUnknownCountriesAndRegions: false, countryLookupMethod: 'clientIpAddress' },
  ];
}
