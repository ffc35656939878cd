/** Small pieces of the sentences verdicts are explained in, so every reason reads the same way. */

export function day(time: string): string {
  return time.slice(0, 10);
}

export function minute(time: string): string {
  return `${time.slice(0, 16).replace('T', ' ')} UTC`;
}

export function span(first: string | null, last: string | null): string {
  if (!first || !last) return 'at unknown times';
  if (first === last) return `at ${minute(first)}`;
  return `first ${minute(first)}, last ${minute(last)}`;
}

export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

export function countList(items: readonly { label: string; count: number }[]): string {
  return items.map((item) => `${item.label} (${item.count})`).join(', ');
}
