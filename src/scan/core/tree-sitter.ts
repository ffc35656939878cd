import { createRequire } from 'node:module';
import { Language as GrammarLanguage, Parser, type Tree } from 'web-tree-sitter';
import { GRAMMAR_WASM, type TreeSitterLanguage } from './languages.js';

const require = createRequire(import.meta.url);

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
