/**
 * Tenant and code strings inside Markdown (a pull-request comment): every character Markdown or its inline HTML gives
 * a meaning to is escaped, so a display name cannot add a link, an image, a mention's formatting, a table column or HTML.
 * Control characters become visible escapes, and a line break a space: one value stays one table cell.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~]/gu;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/gu, ' ')
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/@/gu, '@\u200b')
    .replace(CONTROL, (char) => `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0') ?? '0000'}`);
}

/** Inline code for a path or identifier: backticks inside are doubled around, and the text kept literal. */
export function markdownCode(text: string): string {
  const clean = text.replace(/[\r\n]+/gu, ' ').replace(CONTROL, (char) => `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0') ?? '0000'}`).replace(/\|/gu, '\\|');
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${clean}${fence === '`' ? '`' : ' ``'}`;
}
