import type { Point } from '../../core/finding.js';

/** One environment variable set somewhere (an env file line, a Dockerfile ENV, a container's env list). */
export interface EnvEntry {
  name: string;
  /** The literal value, or null when it comes from elsewhere (a reference, a secret, an ARG without default). */
  value: string | null;
  /** 0-based, within the detector's text. */
  at: Point;
}

/** The variables one process would see together: one env file, one compose service, one container. */
export type EnvScope = readonly EnvEntry[];

/** A value that is a reference to something else, never a literal we may read as an identity. */
export function literalOrNull(value: string): string | null {
  if (/\$\{|\$\(|\{\{|^\$[A-Za-z_]|^@Microsoft\.KeyVault/u.test(value)) return null;
  return value;
}
