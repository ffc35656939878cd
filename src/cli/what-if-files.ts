import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parsePolicyFile } from '../engines/whatif/policy-file.js';
import type { CaPolicy } from '../model/conditional-access-policy.js';

/** The policies of `analyze --what-if FILE…`, each with its file; one policy id given in two files is an error. */
export function readWhatIfFiles(paths: readonly string[]): { policy: CaPolicy; file: string }[] {
  const policies: { policy: CaPolicy; file: string }[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : 'cannot be read';
      throw new InputError(`${path}: ${reason}`, 'give --what-if the path of a JSON file of Conditional Access policies');
    }
    for (const policy of parsePolicyFile(text, path)) {
      const other = seen.get(policy.id);
      if (other !== undefined) throw new InputError(`${path}:1: policy ${policy.id} is also in ${other}`, 'give each policy once');
      seen.set(policy.id, path);
      policies.push({ policy, file: path });
    }
  }
  return policies;
}
