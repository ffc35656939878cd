import type { IdentityRef } from '../../model/scan-finding.js';

const UPN = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/u;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const GITHUB_EXPRESSION = /^\$\{\{\s*(?<context>secrets|vars|env|inputs|matrix|needs|steps)\.(?<name>[A-Za-z_][\w.-]*)\s*\}\}$/u;
const PIPELINE_MACRO = /^\$\((?<name>[A-Za-z_][\w.-]*)\)$/u;
const POWERSHELL_ENV = /^\$(?:\{env:(?<braced>[A-Za-z_]\w*)\}|env:(?<name>[A-Za-z_]\w*))$/iu;
const SHELL_VARIABLE = /^\$(?:\{(?<braced>[A-Za-z_]\w*)\}|(?<name>[A-Za-z_]\w*))$/u;
/** A Terraform interpolation a template put into a script (`${var.admin_user}`): a dotted name no shell variable can have. */
const TERRAFORM_REFERENCE = /^\$\{\s*(?<reference>(?:var|local|data|module)(?:\.[A-Za-z_][\w-]*)+)\s*\}$/u;

export function isUpn(value: string): boolean {
  return UPN.test(value);
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Removes one level of matching shell/PowerShell quotes, and the blanks inside them: a script decoded in place from
 * a JSON or HCL string (`\"user@contoso.com\"` → ` "user@contoso.com "`) keeps a pad there, and no name has one.
 */
export function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2) {
    const first = trimmed[0];
    if ((first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1).trim();
  }
  return trimmed;
}

/**
 * Script text as an identity function should read it: the host's placeholders put back, and whether `$(X)`
 * in it is a pipeline macro (only when it came from a placeholder: in a script `$(x)` runs a command).
 */
export function scriptText(text: string, placeholders: ReadonlyMap<string, string> | undefined): { text: string; macros: boolean } {
  const restored = restorePlaceholders(text, placeholders);
  return { text: restored, macros: restored !== text };
}

/** Puts back the expressions a host replaced with placeholders (SourceFile.placeholders). */
export function restorePlaceholders(text: string, placeholders: ReadonlyMap<string, string> | undefined): string {
  if (!placeholders || placeholders.size === 0) return text;
  let restored = text;
  for (const [placeholder, original] of placeholders) if (restored.includes(placeholder)) restored = restored.split(placeholder).join(original);
  return restored;
}

/**
 * A reference by name: a CI secret or variable (`${{ secrets.X }}` → `secrets.X`, `$(X)`), a Terraform variable
 * interpolated into a script (`${var.X}` → `var.X`), or an environment variable (`$env:X`, `$X`). Null when `text` is not exactly one reference. `$(X)` is a pipeline macro only
 * in text a CI host handed over (it substituted it: `restorePlaceholders`); in a script it runs a command.
 */
export function referenceOf(text: string, macros = true): IdentityRef | null {
  const value = unquote(text);
  const github = GITHUB_EXPRESSION.exec(value)?.groups;
  if (github?.['context'] && github['name']) {
    if (github['context'] === 'env') return { kind: 'env-var', value: github['name'] };
    return { kind: 'secret-ref', value: `${github['context']}.${github['name']}` };
  }
  const macro = macros ? PIPELINE_MACRO.exec(value)?.groups?.['name'] : undefined;
  if (macro) return { kind: 'secret-ref', value: `$(${macro})` };
  const terraform = TERRAFORM_REFERENCE.exec(value)?.groups?.['reference'];
  if (terraform) return { kind: 'secret-ref', value: terraform };
  const powershell = POWERSHELL_ENV.exec(value)?.groups;
  const psName = powershell?.['braced'] ?? powershell?.['name'];
  if (psName) return { kind: 'env-var', value: psName };
  const shell = SHELL_VARIABLE.exec(value)?.groups;
  const shellName = shell?.['braced'] ?? shell?.['name'];
  if (shellName) return { kind: 'env-var', value: shellName };
  return null;
}

/**
 * The identity for a value in a *username* position: the UPN when it is a literal UPN, else the name it
 * comes from. Only ever called on usernames, so a password is never read here.
 */
export function userIdentity(text: string, macros = true): IdentityRef | null {
  const value = unquote(text);
  if (isUpn(value)) return { kind: 'upn', value };
  return referenceOf(value, macros);
}

/** The identity for a value in a *client id* position: the GUID literal, else the name it comes from. */
export function clientIdentity(text: string, macros = true): IdentityRef | null {
  const value = unquote(text);
  if (isGuid(value)) return { kind: 'client-id', value: value.toLowerCase() };
  return referenceOf(value, macros);
}

/**
 * For a *secret* position: only its name when it is a reference. A literal is a secret value and is never
 * returned, so no code path can carry it into a finding.
 */
export function secretNameIdentity(text: string, macros = true): IdentityRef | null {
  return referenceOf(text, macros);
}
