/**
 * Where the demo's sign-ins come from: address blocks with their ASN and place. Azure and GitHub-hosted
 * runners are Microsoft's ASN 8075 (the runners are Azure VMs); the company's own networks use documentation
 * ranges and a private-use ASN, so no real organisation's addresses appear.
 */
import type { Rng } from './prng.js';

export interface NetworkBlock {
  /** The fixed leading octets; the rest are random. */
  prefix: readonly number[];
  asn: number;
  city: string;
  state: string;
  country: string;
  latitude: number;
  longitude: number;
}

export interface Place {
  ip: string;
  asn: number;
  city: string;
  state: string;
  country: string;
  latitude: number;
  longitude: number;
}

const MICROSOFT_ASN = 8075;
/** The company's own networks (a private-use ASN). */
export const COMPANY_ASN = 64500;

function block(prefix: readonly number[], asn: number, city: string, state: string, country: string, latitude: number, longitude: number): NetworkBlock {
  return { prefix, asn, city, state, country, latitude, longitude };
}

export const NETWORKS = {
  corporateOffice: [block([198, 51, 100], COMPANY_ASN, 'London', 'London', 'GB', 51.5142, -0.0931)],
  onPremDatacenter: [block([203, 0, 113], COMPANY_ASN, 'Slough', 'Berkshire', 'GB', 51.5105, -0.5950)],
  azureUkSouth: [block([51, 140], MICROSOFT_ASN, 'London', 'London', 'GB', 51.5073, -0.1276)],
  azureWestEurope: [block([20, 61], MICROSOFT_ASN, 'Amsterdam', 'Noord-Holland', 'NL', 52.3740, 4.8897)],
  githubRunners: [
    block([4, 227], MICROSOFT_ASN, 'Boydton', 'Virginia', 'US', 36.6676, -78.3875),
    block([20, 102], MICROSOFT_ASN, 'Des Moines', 'Iowa', 'US', 41.5868, -93.6250),
    block([13, 105], MICROSOFT_ASN, 'San Antonio', 'Texas', 'US', 29.4241, -98.4936),
  ],
  homeIsp: [
    block([86, 128], 2856, 'London', 'London', 'GB', 51.5074, -0.1278),
    block([86, 150], 2856, 'Reading', 'Reading', 'GB', 51.4543, -0.9781),
    block([82, 2], 5089, 'Manchester', 'Manchester', 'GB', 53.4808, -2.2426),
    block([90, 196], 5607, 'Bristol', 'Bristol', 'GB', 51.4545, -2.5879),
    block([92, 24], 13285, 'Leeds', 'Leeds', 'GB', 53.8008, -1.5491),
    block([31, 94], 12576, 'Birmingham', 'Birmingham', 'GB', 52.4862, -1.8904),
  ],
  travel: [
    block([73, 15], 7922, 'New York', 'New York', 'US', 40.7128, -74.006),
    block([98, 207], 7922, 'San Francisco', 'California', 'US', 37.7749, -122.4194),
    block([91, 40], 3320, 'Berlin', 'Berlin', 'DE', 52.52, 13.405),
    block([126, 66], 4713, 'Tokyo', 'Tokyo', 'JP', 35.6895, 139.6917),
    block([88, 26], 3352, 'Madrid', 'Madrid', 'ES', 40.4168, -3.7038),
  ],
  partnerOrgs: [
    block([90, 84], 3215, 'Paris', 'Ile-de-France', 'FR', 48.8566, 2.3522),
    block([145, 53], 1136, 'Utrecht', 'Utrecht', 'NL', 52.0907, 5.1214),
    block([24, 6], 7018, 'Chicago', 'Illinois', 'US', 41.8781, -87.6298),
  ],
} as const satisfies Record<string, readonly NetworkBlock[]>;

export type NetworkName = keyof typeof NETWORKS;

/** A random address in `network` (one of its blocks). */
export function placeIn(rng: Rng, network: NetworkName): Place {
  return placeInBlock(rng, rng.pick(NETWORKS[network]));
}

export function placeInBlock(rng: Rng, chosen: NetworkBlock): Place {
  const octets = [...chosen.prefix];
  while (octets.length < 4) octets.push(octets.length === 3 ? rng.between(2, 254) : rng.between(0, 255));
  return {
    ip: octets.join('.'),
    asn: chosen.asn,
    city: chosen.city,
    state: chosen.state,
    country: chosen.country,
    latitude: chosen.latitude,
    longitude: chosen.longitude,
  };
}
