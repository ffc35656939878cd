import { isMap, type Document } from 'yaml';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../../core/detector.js';
import { scalarText, valueOf, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { azurePackageOf, classifyProvider, type AzurePackage, type ProviderSetting } from './provider-settings.js';
import { configFindings } from './yaml-config.js';

/**
 * The project file `Pulumi.yaml`: its `config:` and `template.config:` (what `pulumi new` puts in a stack's config)
 * classified like a stack's; a YAML program's explicit providers (`type: pulumi:providers:azure-native` with their
 * `properties`); and a YAML program that uses an Azure package's default provider with no setting for it anywhere in
 * the project: `ambient`, on its first resource of that package.
 */
export function projectFindings(file: SourceFile, documents: readonly Document.Parsed[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const document of documents) {
    const root = document.contents;
    // A template's config becomes a new stack's; the project's own config applies to every stack: one provider, one finding.
    const result = configFindings(file, [valueOf(valueOf(root, 'template'), 'config'), valueOf(root, 'config')], 'project config');
    findings.push(...result.findings);
    const configured = new Set<AzurePackage>(result.packages);
    const resources = valueOf(root, 'resources');
    if (!isMap(resources)) continue;
    const firstUse = new Map<AzurePackage, unknown>();
    for (const resource of resources.items) {
      const typePair = isMap(resource.value) ? resource.value.items.find((pair) => scalarText(pair.key) === 'type') : undefined;
      const type = scalarText(typePair?.value) ?? '';
      const explicit = /^pulumi:providers:(?<name>[\w-]+)$/u.exec(type)?.groups?.['name'];
      const explicitPackage = explicit ? azurePackageOf(explicit) : null;
      const at = yamlPosition(file.text, typePair);
      if (explicitPackage && at) {
        configured.add(explicitPackage);
        const settings = new Map<string, ProviderSetting>();
        const properties = valueOf(resource.value, 'properties');
        for (const pair of isMap(properties) ? properties.items : []) {
          const key = scalarText(pair.key);
          const keyAt = yamlPosition(file.text, pair);
          if (key && keyAt) settings.set(key, { text: scalarText(pair.value), at: keyAt });
        }
        const finding = classifyProvider(file, `provider resource ${scalarText(resource.key) ?? ''} (${type})`, settings, at);
        if (finding) findings.push(finding);
        continue;
      }
      const usedPackage = azurePackageOf(type.split(':')[0] ?? '');
      if (usedPackage && !firstUse.has(usedPackage)) firstUse.set(usedPackage, typePair);
    }
    for (const [azurePackage, typePair] of firstUse) {
      const at = yamlPosition(file.text, typePair);
      if (configured.has(azurePackage) || !at) continue;
      const finding = classifyProvider(file, `program (${azurePackage} default provider)`, new Map(), at, 'no credential in the project config: the default provider signs in with the stack config, the ARM_* environment or the Azure CLI login of whoever runs pulumi');
      if (finding) findings.push(finding);
    }
  }
  return findings;
}
