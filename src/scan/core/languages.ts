/** The languages the scanner parses, and where each grammar's wasm ships (inside its npm package). */
export type TreeSitterLanguage = 'powershell' | 'bash' | 'hcl' | 'terraform' | 'python' | 'c_sharp' | 'javascript' | 'typescript' | 'tsx' | 'java' | 'go';

/** Files that are parsed without tree-sitter. */
export type PlainLanguage = 'yaml' | 'json' | 'dotenv' | 'dockerfile' | 'bicep' | 'text';

export type Language = TreeSitterLanguage | PlainLanguage;

export const GRAMMAR_WASM: Readonly<Record<TreeSitterLanguage, string>> = {
  powershell: 'tree-sitter-powershell/tree-sitter-powershell.wasm',
  bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
  hcl: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
  terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  c_sharp: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
  javascript: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
  java: 'tree-sitter-java/tree-sitter-java.wasm',
  go: 'tree-sitter-go/tree-sitter-go.wasm',
};

export function isTreeSitterLanguage(language: Language): language is TreeSitterLanguage {
  return Object.hasOwn(GRAMMAR_WASM, language);
}
