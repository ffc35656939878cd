import { readFileSync } from 'node:fs';
import { cachedBundleWeb, type WebAssets } from './bundle-web.js';

export type { WebAssets } from './bundle-web.js';

let loaded: WebAssets | null = null;

/**
 * The front end as the pages inline it: built by `npm run build` into dist/web/ (scripts/build-web.ts) and read from
 * there; bundled in process (and cached) when running from source.
 */
export function webAssets(): WebAssets {
  if (loaded) return loaded;
  if (import.meta.url.endsWith('.ts')) {
    loaded = cachedBundleWeb();
    return loaded;
  }
  loaded = {
    script: readFileSync(new URL('../../web/app.js', import.meta.url), 'utf8'),
    styles: readFileSync(new URL('../../web/app.css', import.meta.url), 'utf8'),
  };
  return loaded;
}
