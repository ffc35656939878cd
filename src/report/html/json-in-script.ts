/**
 * JSON for a `<script type="application/json">` block. JSON.stringify leaves `<`, `>` and `&` alone, so a
 * display name containing `</script>` would end the block and start markup; U+2028/2029 are escaped too
 * because older parsers treat them as line ends. `\u003c` is still valid JSON and parses back to `<`.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
