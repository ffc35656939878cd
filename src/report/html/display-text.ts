import { terminalSafe } from '../terminal-text.js';
import { escapeHtml } from './escape-html.js';

/**
 * Tenant or code text shown in the page: escaped, and with control and bidi characters made visible as \u-escapes (\u001b)
 * (the same rule as the terminal), so an ESC or a right-to-left override cannot disguise a name on screen.
 * Attribute values that must round-trip (an object ID in data-identity) use escapeHtml alone.
 */
export function displayText(text: string): string {
  return escapeHtml(terminalSafe(text));
}
