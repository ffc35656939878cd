import { isMap, type Document } from 'yaml';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../../core/detector.js';
import type { Point } from '../../core/finding.js';
import { scalarText, valueOf, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { AZURE_PACKAGES, azurePackageOf, classifyProvider, type AzurePackage, type ProviderSetting } from './provider-settings.js';

/** A stack or project file is `Pulumi.yaml` (the project) or `Pulumi.<stack>.yaml`. */
export function pulumiFileKind(path: string): 'project' | 'stack' | null {
  const base = path.split('/').pop() ?? path;
  if (/^Pulumi\.ya?ml$/u.test(base)) return 'project';
  if (/^Pulumi\.[^./]+\.ya?ml$/u.test(base)) return 'stack';
  return null;
}

/**
 * The Azure providers' settings in a `config:` mapping, by package: `azure-native:clientSecret: …` (stack files,
 * and a project's `config:`), where a project writes a value as `{ value: … }` or `{ default: … }`.
 */
export function configSettings(text: string, config: unknown): Map<AzurePackage, Map<string, ProviderSetting>> {
  const byPackage = new Map<AzurePackage, Map<string, ProviderSetting>>();
  if (!isMap(config)) return byPackage;
  for (const pair of config.items) {
    const key = scalarText(pair.key);
    const separator = key?.indexOf(':') ?? -1;
    const azurePackage = key && separator > 0 ? azurePackageOf(key.slice(0, separator)) : null;
    const at = yamlPosition(text, pair);
    if (!key || !azurePackage || !at) continue;
    const settings = byPackage.get(azurePackage) ?? new Map<string, ProviderSetting>();
    const value = isMap(pair.value) ? (valueOf(pair.value, 'value') ?? valueOf(pair.value, 'default')) : pair.value;
    settings.set(key.slice(separator + 1), { text: scalarText(value), at });
    byPackage.set(azurePackage, settings);
  }
  return byPackage;
}

/**
 * One finding per Azure provider the config mappings configure (a project's `config:` and `template.config:` merged,
 * the later mapping's settings winning); the ambient one sits on its first setting.
 */
export function configFindings(file: SourceFile, configs: readonly unknown[], where: string): { findings: ScanFinding[]; packages: Set<AzurePackage> } {
  const findings: ScanFinding[] = [];
  const byPackage = new Map<AzurePackage, Map<string, ProviderSetting>>();
  for (const config of configs) {
    for (const [azurePackage, settings] of configSettings(file.text, config)) {
      const merged = byPackage.get(azurePackage) ?? new Map<string, ProviderSetting>();
      for (const [key, setting] of settings) merged.set(key, setting);
      byPackage.set(azurePackage, merged);
    }
  }
  for (const azurePackage of AZURE_PACKAGES) {
    const settings = byPackage.get(azurePackage);
    const first: Point | undefined = settings?.values().next().value?.at;
    if (!settings || !first) continue;
    const finding = classifyProvider(file, `${where} ${azurePackage}`, settings, first);
    if (finding) findings.push(finding);
  }
  return { findings, packages: new Set(byPackage.keys()) };
}

/** The stack file's `config:`. */
export function stackFindings(file: SourceFile, documents: readonly Document.Parsed[]): ScanFinding[] {
  return documents.flatMap((document) => configFindings(file, [valueOf(document.contents, 'config')], 'stack config').findings);
}
