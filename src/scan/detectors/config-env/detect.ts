import type { DetectContext, ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { yamlDocuments } from '../../detector-kit/yaml-nodes.js';
import { dockerfileEntries, dockerInstructions } from './dockerfile-entries.js';
import { dotenvEntries } from './dotenv-entries.js';
import type { EnvScope } from './env-entry.js';
import { matchEnvSchemes } from './env-schemes.js';
import { CONFIG_ENV_RULES, configFileKind } from './rules.js';
import { jsonEnvEntries, parseJsonc } from './json-entries.js';
import { yamlEnvScopes } from './yaml-entries.js';

/** Credential environment variables in env files, Dockerfiles, compose/Kubernetes YAML and JSON app settings. */
export async function detectConfigEnv(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  const kind = configFileKind(file.path, file.language);
  const findings = envFindings(file, scopesOf(file, parsed, kind));
  if (kind === 'dockerfile') findings.push(...(await dockerRunFindings(file, context)));
  return findings;
}

/** Findings for every credential scheme the scopes switch on; shared with the IaC detectors that embed env lists. */
export function envFindings(file: SourceFile, scopes: readonly EnvScope[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const scope of scopes) {
    for (const match of matchEnvSchemes(scope)) {
      const rule = ruleById(CONFIG_ENV_RULES, `config-env/${match.scheme.id}`);
      findings.push(createFinding(rule, 'config', file, match.entry.at, match.identity, `${rule.summary} Identity: ${match.identity.value}.`));
    }
  }
  return findings;
}

function scopesOf(file: SourceFile, parsed: ParsedFile, kind: ReturnType<typeof configFileKind>): EnvScope[] {
  switch (kind) {
    case 'dotenv':
      return [dotenvEntries(file.text)];
    case 'dockerfile':
      return [dockerfileEntries(file.text)];
    case 'json': {
      const root = parseJsonc(file.text);
      return root ? [jsonEnvEntries(file.text, root)] : [];
    }
    case 'yaml':
      return yamlEnvScopes(file.text, yamlDocuments(file, parsed));
    case null:
      return [];
  }
}

/** Shell-form RUN instructions are scripts: hand them to the shell detectors with their own line numbers. */
async function dockerRunFindings(file: SourceFile, context: DetectContext): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  for (const instruction of dockerInstructions(file.text)) {
    if (instruction.keyword !== 'RUN' || instruction.raw.trimStart().startsWith('[')) continue;
    const text = ' '.repeat(instruction.column) + instruction.raw;
    findings.push(...(await context.scanEmbedded({ path: file.path, language: 'bash', text, lineOffset: file.lineOffset + instruction.row })));
  }
  return findings;
}
