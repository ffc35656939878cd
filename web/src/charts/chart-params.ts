/** ECharts hands event and tooltip parameters as loosely typed objects: their numbers are read through here. */
export function numberField(value: unknown, key: string): number | null {
  if (typeof value !== 'object' || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'number' ? field : null;
}
