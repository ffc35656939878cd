import { z } from 'zod';
import { SOURCES } from './sources.js';

const asnEntrySchema = z.object({
  asn: z.number().int().positive(),
  provider: z.string().min(1),
  /** 'azure' = Azure compute (and GitHub-hosted runners, which run in Azure); 'cloud' = another public cloud. */
  hosting: z.enum(['azure', 'cloud']),
  source: z.url(),
});

/**
 * Autonomous systems of hosting providers. Sign-ins from these come from a machine in a data centre,
 * not from a person's network; anything else is an office, home or on-premises egress.
 */
export const HOSTING_ASNS = z.array(asnEntrySchema).parse([
  { asn: 8075, provider: 'Microsoft (Azure)', hosting: 'azure', source: SOURCES.asnRegistry },
  { asn: 16509, provider: 'Amazon (AWS)', hosting: 'cloud', source: SOURCES.asnRegistry },
  { asn: 14618, provider: 'Amazon (AWS)', hosting: 'cloud', source: SOURCES.asnRegistry },
  { asn: 15169, provider: 'Google', hosting: 'cloud', source: SOURCES.asnRegistry },
  { asn: 396982, provider: 'Google Cloud', hosting: 'cloud', source: SOURCES.asnRegistry },
]);

export const AZURE_ASN = 8075;

export function hostingOf(asn: number | null): z.infer<typeof asnEntrySchema> | null {
  if (asn === null) return null;
  return HOSTING_ASNS.find((entry) => entry.asn === asn) ?? null;
}
