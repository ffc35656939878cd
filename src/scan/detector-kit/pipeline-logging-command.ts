/**
 * Azure Pipelines logging commands a script prints to set a variable for the job's later steps:
 * `##vso[task.setvariable variable=NAME;issecret=true]VALUE` (the agent reads them from the step's output).
 * Scripts print them with `echo`/`printf` (shell) or `Write-Host`/`Write-Output`/`echo` (PowerShell).
 * See https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands#setvariable-initialize-the-value-of-a-variable
 */
const SET_VARIABLE = /##vso\[task\.setvariable\s+(?<properties>[^\]]*)\](?<value>.*)$/iu;
const VARIABLE_PROPERTY = /^\s*variable\s*=\s*(?<name>[^;\s]+)\s*$/iu;

export interface PipelineVariable {
  name: string;
  /** The value as written after the command (a `$idToken` reference, a macro, a literal). */
  value: string;
  /** Index of the `##vso[` marker within the printed text. */
  offset: number;
}

/** The variable a printed line sets, or null when it is no setvariable command. */
export function pipelineVariableOf(printed: string): PipelineVariable | null {
  const match = SET_VARIABLE.exec(printed);
  const groups = match?.groups;
  if (!match || !groups) return null;
  for (const property of (groups['properties'] ?? '').split(';')) {
    const name = VARIABLE_PROPERTY.exec(property)?.groups?.['name'];
    if (name) return { name, value: (groups['value'] ?? '').trim(), offset: match.index };
  }
  return null;
}

/** Commands that print their arguments, by shell. */
export const SHELL_PRINT_COMMANDS: ReadonlySet<string> = new Set(['echo', 'printf']);
export const POWERSHELL_PRINT_COMMANDS: ReadonlySet<string> = new Set(['write-host', 'write-output', 'echo', 'write', 'write-information']);
