/**
 * What a secret written into code looks like, as data: the shapes credential issuers document for their secrets
 * (Entra client secrets, GitHub and Azure DevOps tokens, JWTs, PEM and DER certificates and keys) and the ways code
 * hands a literal to something that wants a password. `secret-literal-lines.ts` runs them; nothing else repeats them.
 *
 * Every pattern runs over scanned code, so each is written to stay linear (the ReDoS suite, test/adversarial/redos,
 * tries every regex literal of src/catalog): a start position is pinned by a lookbehind or a literal word, and a
 * quantifier after it either ends at a character it cannot cross or is bounded.
 */
export type SecretLiteralKind = 'client-secret' | 'password' | 'personal-access-token' | 'connection-string' | 'certificate' | 'jwt';

export interface SecretLiteralPattern {
  id: string;
  /** Refined by the pattern's `keyword` group when it has one (the name the value is given to): `kindOfKeyword`. */
  kind: SecretLiteralKind;
  /** Global, so every occurrence on a line is tried (the first may be a reference, a later one a literal). */
  pattern: RegExp;
  /**
   * True when the pattern only finds *where* a value is handed over (a `password=` or `-Password`): its `value`
   * group is then a secret only when it is a literal, not a variable, expression or CI reference (`isLiteralValue`).
   */
  valueIsChecked: boolean;
  source: string;
}

const ENTRA_CLIENT_SECRET = 'https://learn.microsoft.com/purview/sit-defn-azure-ad-client-secret';
const GITHUB_TOKENS = 'https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/';
const AZURE_DEVOPS_PAT = 'https://learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token';
const STORAGE_CONNECTION_STRING = 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string';
const SERVICE_BUS_SAS = 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas';
const SAS_TOKEN = 'https://learn.microsoft.com/rest/api/storageservices/create-service-sas';
const JWT = 'https://www.rfc-editor.org/rfc/rfc7519#section-3';
const PEM = 'https://www.rfc-editor.org/rfc/rfc7468#section-2';
const DER_BASE64 = 'https://www.rfc-editor.org/rfc/rfc5280#section-4.1';
const URL_USERINFO = 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1';
const CONVERT_TO_SECURE_STRING = 'https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring';
const AZ_LOGIN = 'https://learn.microsoft.com/cli/azure/reference-index#az-login';
const PASSWORD_ASSIGNMENT = 'https://cwe.mitre.org/data/definitions/798.html';

/** A PEM block's first and last lines: every line from BEGIN to END is the key or certificate. */
export const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{1,64}-----/gu;
export const PEM_END = /-----END [A-Z0-9 ]{1,64}-----/gu;

/**
 * In the order tried: a line gets the kind of the first pattern that finds a secret on it. A value is read up to 64
 * characters, enough to tell a literal from a reference.
 */
export const SECRET_LITERAL_PATTERNS: readonly SecretLiteralPattern[] = [
  // The shape Entra ID has issued client secrets in since 2021: three characters, a digit, `Q~`, then 31–34 more.
  { id: 'entra-client-secret', kind: 'client-secret', pattern: /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}/gu, valueIsChecked: false, source: ENTRA_CLIENT_SECRET },
  { id: 'github-token', kind: 'personal-access-token', pattern: /(?<!\w)gh[pousr]_[A-Za-z0-9]{36}/gu, valueIsChecked: false, source: GITHUB_TOKENS },
  { id: 'github-fine-grained-pat', kind: 'personal-access-token', pattern: /(?<!\w)github_pat_\w{22}/gu, valueIsChecked: false, source: GITHUB_TOKENS },
  // 84 characters with the AZDO signature at 77–80 (since 2024), or the older 52 lower-case base32 characters.
  { id: 'azure-devops-pat', kind: 'personal-access-token', pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}/gu, valueIsChecked: false, source: AZURE_DEVOPS_PAT },
  { id: 'azure-devops-pat-base32', kind: 'personal-access-token', pattern: /(?<![A-Za-z0-9])[a-z2-7]{52}(?![A-Za-z0-9])/gu, valueIsChecked: false, source: AZURE_DEVOPS_PAT },
  { id: 'storage-account-key', kind: 'connection-string', pattern: /(?<!\w)AccountKey\s*=\s*(?<value>[^\s;]{1,64})/giu, valueIsChecked: true, source: STORAGE_CONNECTION_STRING },
  { id: 'shared-access-key', kind: 'connection-string', pattern: /(?<!\w)SharedAccess(?:Key|Signature)\s*=\s*(?<value>[^\s;]{1,64})/giu, valueIsChecked: true, source: SERVICE_BUS_SAS },
  { id: 'sas-signature', kind: 'connection-string', pattern: /[?&;]sig=[\w%+/=-]{16}/gu, valueIsChecked: false, source: SAS_TOKEN },
  { id: 'jwt', kind: 'jwt', pattern: /(?<![\w-])eyJ[\w-]+\.eyJ[\w-]+/gu, valueIsChecked: false, source: JWT },
  { id: 'pem-begin', kind: 'certificate', pattern: PEM_BEGIN, valueIsChecked: false, source: PEM },
  // A certificate, key or PFX as one line of base64: DER starts with a SEQUENCE whose length takes two bytes (`MII`).
  { id: 'der-base64', kind: 'certificate', pattern: /(?<![A-Za-z0-9+/])MII[A-Za-z0-9+/]{60}/gu, valueIsChecked: false, source: DER_BASE64 },
  { id: 'url-password', kind: 'password', pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]+:(?<value>[^\s@/]{1,64})@/gu, valueIsChecked: true, source: URL_USERINFO },
  // Single quotes are never expanded by PowerShell; a double-quoted string that starts with `$` is a variable.
  { id: 'convertto-securestring', kind: 'password', pattern: /ConvertTo-SecureString\s+(?:-\w+\s+)*(?<value>'[^']{0,64}|"[^"]{0,64})/giu, valueIsChecked: true, source: CONVERT_TO_SECURE_STRING },
  { id: 'az-login-password', kind: 'password', pattern: /\baz\s+login\b[^\n]{0,512}?\s-p[\s=]+(?<value>'[^']{0,64}|"[^"]{0,64}|[^\s'",;)}\]]{1,64})/gu, valueIsChecked: true, source: AZ_LOGIN },
  {
    id: 'secret-parameter',
    kind: 'password',
    pattern: /(?<![\w-])--?(?<keyword>pass(?:word)?|pwd|(?:client-?)?secret|token|pat|api-?key)(?:\s+|\s*[=:]\s*)(?<value>'[^']{0,64}|"[^"]{0,64}|[^\s'",;)}\]]{1,64})/giu,
    valueIsChecked: true,
    source: PASSWORD_ASSIGNMENT,
  },
  {
    // `password = "…"`, `AZURE_PASSWORD: …`, `"clientSecret": "…"`, `PW='…'`: a name that says secret, given a value.
    id: 'secret-assignment',
    kind: 'password',
    pattern:
      /(?<keyword>pass(?:word|wd|phrase)|(?<![a-z])pass(?![a-z])|pwd|(?<![a-z])pw(?![a-z])|secret|(?<![a-z])pat(?![a-z])|api[_-]?key|access[_-]?key|account[_-]?key|private[_-]?key)[\w.-]{0,32}["']?\s*(?::=|=>|=|:)\s*(?<value>'[^']{0,64}|"[^"]{0,64}|[^\s'",;)}\]]{1,64})/giu,
    valueIsChecked: true,
    source: PASSWORD_ASSIGNMENT,
  },
];

/** The kind of secret a name such as `ARM_CLIENT_SECRET`, `-Password` or `AZURE_DEVOPS_EXT_PAT` is given. */
export function kindOfKeyword(keyword: string, otherwise: SecretLiteralKind): SecretLiteralKind {
  if (/secret|key/iu.test(keyword)) return 'client-secret';
  if (/^(?:pat|token)$/iu.test(keyword)) return 'personal-access-token';
  return otherwise;
}

/**
 * A value that is not a literal: a variable or expression (`$PW`, `$(…)`, `${{ secrets.X }}`, `%PW%`, `{{ x }}`,
 * `<placeholder>`, `#{Octopus}`, `(…)`, `@(…)`, a YAML block scalar's `|` or `>`, the `?msg` / `-default` of a shell
 * `${X:?msg}`), a dotted path, call or index (`var.secret`, `os.environ["X"]`, `getpass()`), a PowerShell command
 * that reads one (`Get-Secret`, `ConvertTo-SecureString $x`, `Read-Host`), or a word that is a setting rather than a
 * secret (`true`, `inherit`, `null`). An empty string holds nothing. A quoted value starting with `$` counts as a
 * reference even where single quotes keep it literal (a shell's `'$ecret'`): YAML's `'${{ secrets.X }}'` is the
 * commoner case.
 */
const REFERENCE_START = /^[$%{<#(@[*&!?+=|>-]/u;
const EXPRESSION = /^[A-Za-z_][\w-]*(?:(?:\.|::|->)[A-Za-z_]|\(|\[)/u;
const POWERSHELL_READER = /^(?:Get|Read|ConvertTo|ConvertFrom|New|Import|Invoke|Unprotect)-[A-Z][A-Za-z]*$/u;
const SETTING_WORD = /^(?:true|false|null|none|nil|yes|no|on|off|inherit|required|optional|string|securestring|secure|bool|int)$/iu;

/** Whether a captured value (its opening quote kept, when it has one) is a literal rather than a reference. */
export function isLiteralValue(captured: string): boolean {
  const quoted = captured.startsWith("'") || captured.startsWith('"');
  const value = quoted ? captured.slice(1) : captured;
  if (value === '' || REFERENCE_START.test(value) || SETTING_WORD.test(value)) return false;
  return quoted || !(EXPRESSION.test(value) || POWERSHELL_READER.test(value));
}
