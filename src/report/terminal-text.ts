/**
 * Strings from the tenant or from code reach the terminal only through here: control characters
 * (ESC, CSI, BEL, backspace, carriage return, C1 controls, bidi overrides) are shown as visible escapes,
 * so a display name cannot move the cursor, recolour the screen or rewrite earlier lines; U+2028/U+2029, which some
 * terminals and editors break lines at, are shown too.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0') ?? '0000'}`).replace(/\n/gu, '\\n');
}
