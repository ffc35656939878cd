/**
 * The names of the secrets and variables a login takes its password from, so they can be deleted after the cut-over.
 * Read from the login's own lines (and the few before it, where scripts build the credential): the reference
 * syntaxes of CI hosts and shells (`${{ secrets.X }}`, `$(X)`, `$env:X`, `$X`, `os.environ["X"]`) appear inside
 * every language the scanner parses, so they are matched on those lines rather than per grammar. Only names, never values.
 */
const REFERENCES: readonly { pattern: RegExp; label: (name: string) => string }[] = [
  { pattern: /\$\{\{\s*secrets\.(?<name>[A-Za-z_]\w*)\s*\}\}/gu, label: (name) => `GitHub secret ${name}` },
  { pattern: /\$\((?<name>[A-Za-z_][\w.]*)\)/gu, label: (name) => `pipeline variable ${name}` },
  { pattern: /\$env:(?<name>[A-Za-z_]\w*)/giu, label: (name) => `environment variable ${name}` },
  { pattern: /os\.(?:environ(?:\.get)?\s*[[(]|getenv\s*\()\s*["'](?<name>[A-Za-z_]\w*)["']/gu, label: (name) => `environment variable ${name}` },
  { pattern: /process\.env\.(?<name>[A-Za-z_]\w*)/gu, label: (name) => `environment variable ${name}` },
  { pattern: /\$\{?(?<name>[A-Z_][A-Z0-9_]*)\}?/gu, label: (name) => `environment variable ${name}` },
  { pattern: /Get-AutomationPSCredential\s+-Name\s+["'](?<name>[^"']+)["']/giu, label: (name) => `Automation credential asset ${name}` },
  { pattern: /["'](?<name>[^"']+\.cred)["']/gu, label: (name) => `credential file ${name}` },
];

/** A password reference is named like one; a username reference (AZ_USER) is listed too, as it goes with it. */
const CREDENTIAL_NAME = /pass|pwd|secret|cred|user|login/iu;

export function credentialReferences(lines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    for (const { pattern, label } of REFERENCES) {
      for (const match of line.matchAll(pattern)) {
        const name = match.groups?.['name'];
        if (!name) continue;
        const isAsset = label(name).startsWith('Automation') || label(name).startsWith('credential file');
        if (isAsset || CREDENTIAL_NAME.test(name)) found.add(label(name));
      }
    }
  }
  // `$(X)` in a YAML pipeline is the same variable the shell pattern sees as `X`: keep the pipeline's name.
  for (const entry of [...found]) {
    const pipeline = /^pipeline variable (?<name>.+)$/u.exec(entry)?.groups?.['name'];
    if (pipeline) found.delete(`environment variable ${pipeline}`);
  }
  return [...found].sort();
}

/** The login's line, the lines before it where scripts build the credential, and after it where a call spreads its arguments. */
export function loginLines(text: string, line: number, before = 8, after = 8): string[] {
  const lines = text.split(/\r?\n/u);
  return lines.slice(Math.max(0, line - 1 - before), line + after);
}
