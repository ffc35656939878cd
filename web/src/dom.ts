import { terminalSafe } from '../../src/report/terminal-text.js';

/**
 * Every text the page shows goes through textContent, never through an HTML parser: a display name of
 * `<img src=x onerror=…>` or `</script>` is shown as those characters. Control and bidi characters are shown as
 * \u-escapes (the terminal's rule), so an ESC or a right-to-left override cannot disguise a name, and a newline in a
 * name is seen, not obeyed.
 */
export function visible(text: string): string {
  return terminalSafe(text);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string | null, text?: string | number | null): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = typeof text === 'number' ? String(text) : visible(text);
  return node;
}

export function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node;
}

/** A section with a heading and a lead paragraph, as every view has. */
export function section(id: string, title: string, lead?: string): HTMLElement {
  const node = el('section');
  node.id = id;
  node.append(el('h2', null, title));
  if (lead) node.append(el('p', 'lead', lead));
  return node;
}

export function button(text: string, className?: string): HTMLButtonElement {
  const node = el('button', className, text);
  node.type = 'button';
  return node;
}
