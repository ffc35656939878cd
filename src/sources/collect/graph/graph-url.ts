/**
 * A Graph request URL: `base` (the cloud's Graph endpoint, or an override), version, path and OData query options.
 * Values are percent-encoded (spaces as %20: OData reads `+` literally in some places).
 */
export type GraphVersion = 'v1.0' | 'beta';

export function graphUrl(base: string, version: GraphVersion, path: string, query: Readonly<Record<string, string | number | null>> = {}): string {
  const root = base.replace(/\/+$/u, '');
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === null) continue;
    parts.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return `${root}/${version}/${path.replace(/^\/+/u, '')}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

