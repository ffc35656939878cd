import { createRequire } from 'node:module';
import { LOG_ANALYTICS_TABLES } from '../../src/catalog/log-analytics-table-schemas.js';

/**
 * Microsoft's Kusto language service (Bridge.NET build), loaded as it ships: two scripts that define the global
 * `Kusto`. The five tables' schemas come from the catalog, so a query is analysed against the columns and types
 * Microsoft documents.
 */
export interface KustoDiagnostic {
  severity: string;
  message: string;
  start: number;
  length: number;
}

interface BridgeList<T> {
  Count: number;
  getItem(index: number): T;
}

interface KustoLanguage {
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => unknown };
    DatabaseSymbol: { $ctor2: new (name: string, alternateName: string | null, members: unknown[]) => unknown };
  };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): { GetDiagnostics(): BridgeList<{ Severity: string; Message: string; Start: number; Length: number }> } };
}

let globals: { language: KustoLanguage; state: unknown } | null = null;

function load(): { language: KustoLanguage; state: unknown } {
  if (globals) return globals;
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  const root: unknown = Reflect.get(globalThis, 'Kusto');
  const language = typeof root === 'object' && root !== null ? Reflect.get(root, 'Language') : undefined;
  if (typeof language !== 'object' || language === null) throw new Error('the Kusto language service did not load');
  const kusto = language as KustoLanguage;
  const tables = LOG_ANALYTICS_TABLES.map((table) => new kusto.Symbols.TableSymbol.$ctor7(table.name, `(${table.columns.map(([name, type]) => `${name}:${type}`).join(', ')})`, null));
  const database = new kusto.Symbols.DatabaseSymbol.$ctor2('workspace', null, tables);
  globals = { language: kusto, state: kusto.GlobalState.Default.WithDatabase(database) };
  return globals;
}

/** Parse and semantically analyse `query` against the five tables; every diagnostic, errors and warnings. */
export function analyseKql(query: string): KustoDiagnostic[] {
  const { language, state } = load();
  const list = language.KustoCode.ParseAndAnalyze(query, state).GetDiagnostics();
  const out: KustoDiagnostic[] = [];
  for (let index = 0; index < list.Count; index += 1) {
    const item = list.getItem(index);
    out.push({ severity: item.Severity, message: item.Message, start: item.Start, length: item.Length });
  }
  return out;
}
