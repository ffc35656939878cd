import { describe, expect, it } from 'vitest';
import { GRAMMAR_WASM, type TreeSitterLanguage } from './languages.js';
import { parse } from './tree-sitter.js';

const SAMPLES: Record<TreeSitterLanguage, string> = {
  powershell: 'Connect-AzAccount -Credential $c',
  bash: 'az login -u a -p b',
  hcl: 'a = 1\n',
  terraform: 'provider "azurerm" {\n  use_msi = true\n}\n',
  python: 'x = UsernamePasswordCredential(a, b)\n',
  c_sharp: 'var c = new ClientSecretCredential(a, b, c);',
  javascript: 'const c = new DefaultAzureCredential();',
  typescript: 'const c: TokenCredential = new DefaultAzureCredential();',
  tsx: 'const el = <div>{new DefaultAzureCredential()}</div>;',
  java: 'class A { void f() { new ClientSecretCredentialBuilder().build(); } }',
  go: 'package main\nfunc main() { azidentity.NewDefaultAzureCredential(nil) }\n',
};

describe('tree-sitter grammars', () => {
  for (const language of Object.keys(GRAMMAR_WASM) as TreeSitterLanguage[]) {
    it(`loads ${language} and parses without errors`, async () => {
      const tree = await parse(language, SAMPLES[language]);
      expect(tree.rootNode.hasError).toBe(false);
      expect(tree.rootNode.childCount).toBeGreaterThan(0);
      tree.delete();
    });
  }
});
