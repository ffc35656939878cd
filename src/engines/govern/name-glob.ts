/**
 * Globs of unattended.yaml, compiled to regular expressions, case-insensitive.
 * - `name` (owner `pattern`, over UPNs and display names): `*` is any run of characters, `?` one character.
 * - `path` (owner and exception `path`, over scanned files relative to the scanned folder, forward slashes): `**` is
 *   any number of folders, `*` any run of characters within one name, `?` one character other than `/`.
 * Everything else matches itself.
 */
export type GlobKind = 'name' | 'path';

function escaped(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/u.test(char) ? `\\${char}` : char;
}

export function compileGlob(glob: string, kind: GlobKind): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] ?? '';
    if (char === '*' && kind === 'path' && glob[index + 1] === '*') {
      // `**/` also matches no folder at all: `scripts/**/x.ps1` matches `scripts/x.ps1`.
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += kind === 'path' ? '[^/]*' : '.*';
    else if (char === '?') source += kind === 'path' ? '[^/]' : '.';
    else source += escaped(char);
  }
  return new RegExp(`^${source}$`, 'iu');
}
