import { isMap, isScalar, isSeq } from 'yaml';
import type { Point } from './finding.js';
import type { LineIndex} from './yaml-embedded.js';
import { scalarText, valueOf, yamlPoint } from './yaml-embedded.js';

/** One variable a CI scope sets: its name, raw value text (null when not a scalar) and where. */
export interface CiVariable {
  name: string;
  value: string | null;
  at: Point;
}

/** A CI `env:` mapping (GitHub Actions, Azure Pipelines steps) or Azure Pipelines `variables:` (map or `- name/value` list). */
export function ciVariables(index: LineIndex, node: unknown): CiVariable[] {
  const variables: CiVariable[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = scalarText(pair.key);
      const at = yamlPoint(index, pair.key);
      if (name !== null && at !== null) variables.push({ name, value: isScalar(pair.value) ? scalarText(pair.value) : null, at });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const name = scalarText(valueOf(item, 'name'));
      const at = yamlPoint(index, valueOf(item, 'name'));
      if (name !== null && at !== null) variables.push({ name, value: scalarText(valueOf(item, 'value')), at });
    }
  }
  return variables;
}
