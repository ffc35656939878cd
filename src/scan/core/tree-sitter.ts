import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language as GrammarLanguage, Parser, type Tree } from 'web-tree-sitter';
import { GRAMMAR_WASM, type TreeSitterLanguage } from './languages.js';

const require = createRequire(import.meta.url);

// Measured: with V8's optimising wasm compiler, the first grammar loaded after tree-sitter-powershell takes
// 30–90 s on a busy machine (python or bash; 4–60 ms otherwise). The baseline compiler (Liftoff) alone loads
// every grammar in milliseconds and parses fast enough for the few files that pass the prefilter. V8 flags are
// per process, so this also covers the scan workers; it must run before the first wasm module is compiled.
setFlagsFromString('--liftoff-only');

let initialised: Promise<void> | null = null;
const grammars = new Map<TreeSitterLanguage, Promise<GrammarLanguage>>();
const parsers = new Map<TreeSitterLanguage, Parser>();

function init(): Promise<void> {
  initialised ??= Parser.init();
  return initialised;
}

function grammar(language: TreeSitterLanguage): Promise<GrammarLanguage> {
  let loading = grammars.get(language);
  if (!loading) {
    loading = init().then(() => GrammarLanguage.load(require.resolve(GRAMMAR_WASM[language])));
    grammars.set(language, loading);
  }
  return loading;
}

/** A parser for `language`, loaded once per thread and reused. */
export async function parserFor(language: TreeSitterLanguage): Promise<Parser> {
  const existing = parsers.get(language);
  if (existing) return existing;
  const loaded = await grammar(language);
  const parser = new Parser();
  parser.setLanguage(loaded);
  parsers.set(language, parser);
  return parser;
}

/** Parse `text` as `language`. The caller must `tree.delete()` when done (wasm memory is not garbage collected). */
export async function parse(language: TreeSitterLanguage, text: string): Promise<Tree> {
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${language}`);
  return tree;
}
