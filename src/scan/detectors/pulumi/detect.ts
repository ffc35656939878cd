import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { yamlDocuments } from '../../detector-kit/yaml-nodes.js';
import { codeProviderFindings } from './code-providers.js';
import { projectFindings } from './yaml-program.js';
import { pulumiFileKind, stackFindings } from './yaml-config.js';

/**
 * How a Pulumi project's Azure providers sign in: stack config (`Pulumi.<stack>.yaml`), project config, template
 * config and YAML programs (`Pulumi.yaml`), and explicit providers constructed in TypeScript/JavaScript or Python.
 */
export function detectPulumi(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  const kind = pulumiFileKind(file.path);
  if (kind === 'stack') return stackFindings(file, yamlDocuments(file, parsed));
  if (kind === 'project') return projectFindings(file, yamlDocuments(file, parsed));
  return parsed.kind === 'tree' ? codeProviderFindings(file, parsed.tree.rootNode) : [];
}
