import type { Language } from './languages.js';

const BY_EXTENSION: Readonly<Record<string, Language>> = {
  ps1: 'powershell', psm1: 'powershell', psd1: 'powershell',
  sh: 'bash', bash: 'bash', zsh: 'bash', ksh: 'bash',
  tf: 'terraform', tfvars: 'terraform', tofu: 'terraform', tfbackend: 'hcl', hcl: 'hcl',
  py: 'python', cs: 'c_sharp', csx: 'c_sharp',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx',
  java: 'java', go: 'go',
  yml: 'yaml', yaml: 'yaml', json: 'json', jsonc: 'json',
  bicep: 'bicep', bicepparam: 'bicep', env: 'dotenv', dockerfile: 'dockerfile',
};

const SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+(?:-S\s+)?)?(?<interpreter>[\w.-]+)/u;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'ksh', 'dash', 'ash']);

/** The language of a file from its name, else its shebang line (`head` is the file's first bytes as text). */
export function detectLanguage(path: string, head: string): Language {
  const base = (path.split('/').pop() ?? path).toLowerCase();
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base === 'containerfile') return 'dockerfile';
  if (base === '.env' || base.startsWith('.env.')) return 'dotenv';
  const dot = base.lastIndexOf('.');
  if (dot > 0 || (dot === 0 && base.length > 1)) {
    const byExtension = BY_EXTENSION[base.slice(dot + 1)];
    if (byExtension) return byExtension;
  }
  const interpreter = SHEBANG.exec(head)?.groups?.['interpreter'];
  if (interpreter) {
    if (SHELLS.has(interpreter)) return 'bash';
    if (interpreter === 'pwsh' || interpreter === 'powershell') return 'powershell';
    if (interpreter.startsWith('python')) return 'python';
    if (interpreter === 'node') return 'javascript';
  }
  return 'text';
}
