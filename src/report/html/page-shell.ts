import { contentSecurityPolicy } from './content-security-policy.js';
import { displayText } from './display-text.js';
import { escapeHtml } from './escape-html.js';
import type { WebAssets } from './web-assets.js';

export type PageMode = 'report' | 'dashboard';

/**
 * The page up to its app's container: the CSP pinning the stylesheet and script by hash, the inlined stylesheet, and
 * what shows until the script has drawn the views (or instead of them, without JavaScript).
 */
export function pageStart(title: string, assets: WebAssets, mode: PageMode): string {
  const csp = contentSecurityPolicy(assets.styles, assets.script, { connectToSelf: mode === 'dashboard' });
  const fallback =
    mode === 'report'
      ? 'This report draws its views with JavaScript; analysis.json, identities.csv and scan-findings.csv beside this file hold the same data.'
      : 'The dashboard needs JavaScript.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${displayText(title)}</title>
<style>${assets.styles}</style>
</head>
<body>
<div id="app" data-mode="${mode}"><p class="empty">Loading…</p><noscript><p class="empty">${escapeHtml(fallback)}</p></noscript></div>
`;
}

/** The one script; the blocks it needs at once come before it. */
export function appScript(assets: WebAssets): string {
  return `<script>${assets.script}</script>\n`;
}

export function pageEnd(): string {
  return `</body>
</html>
`;
}
