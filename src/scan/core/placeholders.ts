/**
 * Same-length stand-ins for expressions a script's parser cannot read or would misread (GitHub `${{ … }}`,
 * Azure Pipelines `$(Name)` macros, which the CI substitutes before the shell runs). Same length keeps every
 * column of the script true; the map gives the original back for identity names.
 */
export function withPlaceholders(text: string, pattern: RegExp, into: Map<string, string>): string {
  return text.replace(pattern, (original) => placeholderFor(original, into));
}

/**
 * The same-length stand-in for one expression, recorded in `into` (the original itself when it is too short
 * to tag). For hosts that find their expressions with a parser rather than a pattern (Terraform templates).
 */
export function placeholderFor(original: string, into: Map<string, string>): string {
  const tag = `QZ${into.size.toString(36)}`;
  if (original.length < tag.length + 1) return original;
  const placeholder = (tag + 'Z'.repeat(original.length)).slice(0, original.length);
  into.set(placeholder, original);
  return placeholder;
}

/** GitHub Actions expressions: `${{ secrets.X }}`. */
export const GITHUB_EXPRESSION = /\$\{\{[^}]*\}\}/gu;
/** Azure Pipelines macro syntax: `$(Name)` (no spaces, so `$(cat file)` is left to the shell). */
export const PIPELINE_MACRO = /\$\([A-Za-z_][\w.-]*\)/gu;
