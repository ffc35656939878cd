import { createHash } from 'node:crypto';

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing loads or runs but the one stylesheet and the one script the page carries, pinned by hash: an injected
 * `<script>` or `<img onerror>` would be refused by the browser even if escaping ever failed. The report may connect
 * nowhere, so the open file cannot send tenant data anywhere; the dashboard's page only to its own server.
 */
export function contentSecurityPolicy(style: string, script: string, options: { connectToSelf?: boolean; asHeader?: boolean } = {}): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(style)}`,
    `script-src ${sha256Source(script)}`,
    'img-src data:',
    ...(options.connectToSelf ? ["connect-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'",
    // Only a header can forbid framing: browsers ignore (and complain about) frame-ancestors in a meta tag.
    ...(options.asHeader ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}
