import type { DetectContext, ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { classifyCredentials } from './credentials.js';
import { resourceScripts } from './embedded-scripts.js';
import { blockArguments, blockHead, childBlocks, literalString, objectArguments } from './hcl-nodes.js';

const AZURE_PROVIDERS = new Set(['azurerm', 'azuread', 'azapi']);

/** A `-backend-config` file holds a backend's arguments at its top level. */
export function isBackendConfigFile(path: string): boolean {
  return path.endsWith('.tfbackend');
}

/**
 * How each azurerm/azuread/azapi provider block, azurerm state backend (and `-backend-config` file) and azurerm
 * `terraform_remote_state` signs in; and the scripts resources carry, handed to the detectors of their language.
 */
export async function detectTerraform(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  if (isBackendConfigFile(file.path)) {
    const args = blockArguments(root);
    // Only an azurerm backend names a storage account; other backends' files are not ours.
    if (!args.has('storage_account_name') && !args.has('container_name')) return [];
    const finding = classifyCredentials(file, args, root, 'backend config file', 'backend-config-file');
    return finding ? [finding] : [];
  }
  const findings: ScanFinding[] = [];
  const push = (finding: ScanFinding | null): void => {
    if (finding) findings.push(finding);
  };
  const body = root.namedChildren.find((child) => child?.type === 'body');
  for (const block of body ? childBlocks(body) : []) {
    const { type, labels } = blockHead(block);
    const [first = '', second = ''] = labels;
    if (type === 'provider' && AZURE_PROVIDERS.has(first)) push(classifyCredentials(file, blockArguments(block), block, `provider "${first}"`, 'provider'));
    if (type === 'terraform') {
      for (const inner of childBlocks(block)) {
        const head = blockHead(inner);
        if (head.type === 'backend' && head.labels[0] === 'azurerm') push(classifyCredentials(file, blockArguments(inner), inner, 'backend "azurerm"', 'backend'));
      }
    }
    if (type === 'data' && first === 'terraform_remote_state') {
      const args = blockArguments(block);
      const backend = args.get('backend');
      const config = args.get('config');
      // A config built elsewhere (`config = var.state`) cannot be read here.
      const configArgs = config ? objectArguments(config.value) : new Map();
      if (backend && literalString(backend.value) === 'azurerm' && configArgs) {
        push(classifyCredentials(file, configArgs, block, `data "terraform_remote_state" "${second}"`, 'remote-state'));
      }
    }
    if (type === 'resource') findings.push(...(await resourceScripts(file, block, first, context)));
  }
  return findings;
}
