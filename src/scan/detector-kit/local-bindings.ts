import type { Node } from 'web-tree-sitter';

/** A name bound to a value in the source (`x = …`, `var x = …`, `x := …`). */
export interface Binding {
  name: string;
  value: Node;
}

/**
 * What each name was last bound to before a given place, so the SDK detectors can follow `clientId` or `config`
 * back to the literal, the environment read or the object literal that made it. Document order stands in for
 * execution order and scopes are not separated: the nearest earlier binding of the name in the file wins.
 */
export class LocalBindings {
  private readonly byName = new Map<string, Node[]>();

  constructor(bindings: Iterable<Binding>) {
    for (const binding of bindings) {
      const list = this.byName.get(binding.name) ?? [];
      list.push(binding.value);
      this.byName.set(binding.name, list);
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.startIndex - b.startIndex);
  }

  /** The value last bound to `name` before `offset`, or null. */
  before(name: string, offset: number): Node | null {
    let found: Node | null = null;
    for (const value of this.byName.get(name) ?? []) {
      if (value.startIndex >= offset) break;
      found = value;
    }
    return found;
  }

  /** Follows a plain name (as `nameOf` reads one) to what was bound to it, up to four bindings deep. */
  resolve(node: Node, nameOf: (node: Node) => string | null): Node {
    let current = node;
    for (let depth = 0; depth < 4; depth += 1) {
      const name = nameOf(current);
      const bound = name === null ? null : this.before(name, current.startIndex);
      if (!bound) return current;
      current = bound;
    }
    return current;
  }
}
