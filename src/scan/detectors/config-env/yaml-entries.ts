import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { allMaps, pairOf, scalarText, valueOf, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { literalOrNull, type EnvEntry, type EnvScope } from './env-entry.js';

/**
 * Environment scopes in YAML: each docker compose service's `environment` (map or `K=V` list), each
 * Kubernetes container `env` list, and a Kubernetes Secret/ConfigMap's keys (consumed through `envFrom`).
 */
export function yamlEnvScopes(text: string, documents: readonly Document.Parsed[]): EnvScope[] {
  const scopes: EnvScope[] = [];
  for (const document of documents) {
    const root = document.contents;
    const services = valueOf(root, 'services');
    if (isMap(services)) {
      for (const service of services.items) {
        const environment = valueOf(service.value, 'environment');
        if (environment !== null) scopes.push(composeEnvironment(text, environment));
      }
    }
    if (pairOf(root, 'apiVersion') && pairOf(root, 'kind')) scopes.push(...kubernetesScopes(text, root));
  }
  return scopes.filter((scope) => scope.length > 0);
}

/** A YAML map of variable name → value (compose `environment:`, an Ansible task's `environment:`). */
export function mapEnvEntries(text: string, environment: YAMLMap): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const pair of environment.items) {
    const name = scalarText(pair.key);
    const at = yamlPosition(text, pair);
    if (name === null || at === null) continue;
    const value = scalarText(pair.value);
    entries.push({ name, value: value === null ? null : literalOrNull(value), at });
  }
  return entries;
}

function composeEnvironment(text: string, environment: unknown): EnvEntry[] {
  if (isMap(environment)) return mapEnvEntries(text, environment);
  const entries: EnvEntry[] = [];
  if (isSeq(environment)) {
    for (const item of environment.items) {
      const written = scalarText(item);
      const at = yamlPosition(text, item);
      if (written === null || at === null) continue;
      const [name = '', ...rest] = written.split('=');
      entries.push({ name: name.trim(), value: rest.length === 0 ? null : literalOrNull(rest.join('=')), at });
    }
  }
  return entries;
}

function kubernetesScopes(text: string, root: unknown): EnvScope[] {
  const scopes: EnvScope[] = [];
  const kind = scalarText(valueOf(root, 'kind'));
  if (kind === 'Secret' || kind === 'ConfigMap') {
    const entries: EnvEntry[] = [];
    for (const section of ['stringData', 'data']) {
      const data = valueOf(root, section);
      if (!isMap(data)) continue;
      for (const pair of data.items) {
        const name = scalarText(pair.key);
        const at = yamlPosition(text, pair);
        // `data` values are base64: never decoded, so never an identity.
        const value = section === 'stringData' ? scalarText(pair.value) : null;
        if (name !== null && at !== null) entries.push({ name, value: value === null ? null : literalOrNull(value), at });
      }
    }
    scopes.push(entries);
  }
  for (const map of allMaps(root)) {
    const env = valueOf(map, 'env');
    if (!isSeq(env)) continue;
    const entries: EnvEntry[] = [];
    for (const item of env.items) {
      const namePair = pairOf(item, 'name');
      const name = scalarText(namePair?.value);
      const at = yamlPosition(text, namePair?.value);
      if (name === null || at === null) continue;
      const valueNode = valueOf(item, 'value');
      const value = isScalar(valueNode) ? scalarText(valueNode) : null;
      entries.push({ name, value: value === null ? null : literalOrNull(value), at });
    }
    scopes.push(entries);
  }
  return scopes;
}
