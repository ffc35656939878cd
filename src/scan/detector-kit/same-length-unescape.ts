const SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', t: '\t', b: ' ', f: ' ', r: ' ' };

/**
 * Decodes the backslash escapes of a JSON or HCL quoted string so that a script inside it reads as the shell
 * will run it, without moving any character (every column stays true in the host file): `\"` → ` "`,
 * `\\` → ` \`, a `\u` escape with its four hex digits → five spaces and the character. A `\n` becomes `; `: the script's next command, on the
 * same host line, which both shells and PowerShell read as a command separator.
 */
export function unescapeInPlace(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (char !== '\\' || next === '') {
      out += char;
      continue;
    }
    if (next === 'n') {
      out += '; ';
      index += 1;
      continue;
    }
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out += ` ${simple}`;
      index += 1;
      continue;
    }
    const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/u.exec(text.slice(index + 2, index + 6)) : null;
    if (unicode) {
      out += `     ${String.fromCharCode(Number.parseInt(unicode[0], 16))}`;
      index += 5;
      continue;
    }
    out += char;
  }
  return out;
}
