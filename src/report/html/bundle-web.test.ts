import { describe, expect, it } from 'vitest';
import { bundleWeb, cachedBundleWeb } from './bundle-web.js';

describe('the front end bundle', () => {
  const assets = bundleWeb();

  it('can sit inside a <script> element: nothing in it ends the element or opens a comment, and it is ASCII', () => {
    expect(assets.script).not.toMatch(/<\/script|<!--/iu);
    expect(assets.styles).not.toMatch(/<\/style|<!--/iu);
    expect(assets.script).toMatch(/^[\u0000-\u007f]*$/u);
    expect(assets.script.startsWith('/*! Apache ECharts 6.')).toBe(true);
    // Only the charts in use: the whole of ECharts minified is 1.1 MB.
    expect(assets.script.length).toBeLessThan(700_000);
  });

  it('is the same bytes from the cache as freshly bundled', () => {
    expect(cachedBundleWeb()).toEqual(assets);
    expect(cachedBundleWeb()).toEqual(assets);
  });
});
