import { createHash } from 'node:crypto';

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing loads or runs but the one stylesheet and the one script this file carries, pinned by hash:
 * an injected `<script>` or `<img onerror>` would be refused by the browser even if escaping ever failed.
 * No connect-src, so the open report cannot send tenant data anywhere.
 */
export function contentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(style)}`,
    `script-src ${sha256Source(script)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
