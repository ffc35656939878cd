import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

const root = mkdtempSync(join(tmpdir(), 'unattended-unified-diff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `git apply` of the patch to a folder holding `before` at `path`: whether it applied, and the file after. */
function gitApply(path: string, before: string, patch: string): { applied: boolean; stderr: string; text: string } {
  const dir = mkdtempSync(join(root, 'apply-'));
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), before);
  writeFileSync(join(dir, 'change.patch'), patch);
  const run = spawnSync('git', ['apply', 'change.patch'], { cwd: dir, encoding: 'utf8' });
  return { applied: run.status === 0, stderr: run.stderr, text: readFileSync(join(dir, path), 'utf8') };
}

describe('unifiedDiff: ordinary lines', () => {
  it('writes one hunk per group of changes with three lines of context, and applies', () => {
    const before = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].join('\n');
    const after = before.replace('two', 'TWO').replace('eleven', 'ELEVEN');
    const diff = unifiedDiff('notes.txt', before, after);
    expect(diff).toEqual({
      text: [
        'diff --git a/notes.txt b/notes.txt',
        '--- a/notes.txt',
        '+++ b/notes.txt',
        '@@ -1,5 +1,5 @@',
        ' one',
        '-two',
        '+TWO',
        ' three',
        ' four',
        ' five',
        '@@ -8,5 +8,5 @@',
        ' eight',
        ' nine',
        ' ten',
        '-eleven',
        '+ELEVEN',
        ' twelve',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
      notes: [],
      applies: true,
    });
    expect(gitApply('notes.txt', before, diff?.text ?? '')).toMatchObject({ applied: true, text: after });
  });

  it('gives null when nothing changed', () => {
    expect(unifiedDiff('a.sh', 'x\n', 'x\n')).toBeNull();
  });
});

describe('unifiedDiff: a line holding a secret literal is never repeated', () => {
  it('leaves it out of the leading context, and the patch still applies', () => {
    const before = `#!/usr/bin/env bash\nPW='Fake-bash-password-1'\nset -euo pipefail\necho start\naz login -u svc@contoso.example -p "$PW"\naz group list\necho done\n`;
    const after = before.replace('az login -u svc@contoso.example -p "$PW"', 'az login --identity');
    const diff = unifiedDiff('scripts/deploy.sh', before, after);
    expect(diff?.text).toBe(
      [
        "unattended: scripts/deploy.sh:2 holds a secret literal (password): left out of the diff's context (the line stays as it is).",
        'diff --git a/scripts/deploy.sh b/scripts/deploy.sh',
        '--- a/scripts/deploy.sh',
        '+++ b/scripts/deploy.sh',
        '@@ -3,5 +3,5 @@',
        ' set -euo pipefail',
        ' echo start',
        '-az login -u svc@contoso.example -p "$PW"',
        '+az login --identity',
        ' az group list',
        ' echo done',
        '',
      ].join('\n'),
    );
    expect(diff?.applies).toBe(true);
    expect(gitApply('scripts/deploy.sh', before, diff?.text ?? '')).toMatchObject({ applied: true, text: after });
  });

  it('puts a placeholder in the only line of context after the change: git apply refuses, loudly', () => {
    const before = "$cred = Get-AutomationPSCredential -Name svc\nConnect-AzAccount -Credential $cred\n$env:AZURE_PASSWORD = 'Fake-ps-env-password-3'\nGet-AzVM\n";
    const after = before.replace('Connect-AzAccount -Credential $cred', 'Connect-AzAccount -Identity');
    const diff = unifiedDiff('scripts/runbook.ps1', before, after);
    expect(diff).toEqual({
      text: [
        'unattended: scripts/runbook.ps1:3 holds a secret literal (password) right after the change: withheld, so git apply refuses this patch; make this change by hand.',
        'diff --git a/scripts/runbook.ps1 b/scripts/runbook.ps1',
        '--- a/scripts/runbook.ps1',
        '+++ b/scripts/runbook.ps1',
        '@@ -1,3 +1,3 @@',
        ' $cred = Get-AutomationPSCredential -Name svc',
        '-Connect-AzAccount -Credential $cred',
        '+Connect-AzAccount -Identity',
        ' <unattended: line withheld, it holds a secret literal (password)>',
        '',
      ].join('\n'),
      notes: ['unattended: scripts/runbook.ps1:3 holds a secret literal (password) right after the change: withheld, so git apply refuses this patch; make this change by hand.'],
      applies: false,
    });
    const result = gitApply('scripts/runbook.ps1', before, diff?.text ?? '');
    expect(result).toMatchObject({ applied: false, text: before });
    expect(result.stderr).toContain('error: patch failed: scripts/runbook.ps1:1');
  });

  it('puts a placeholder in a removed line: the patch cannot apply', () => {
    const before = "#!/usr/bin/env bash\naz login -u svc@contoso.example -p 'Fake-inline-password-2'\naz group list\n";
    const after = before.replace("az login -u svc@contoso.example -p 'Fake-inline-password-2'", 'az login --identity');
    const diff = unifiedDiff('scripts/deploy.sh', before, after);
    expect(diff?.text).toBe(
      [
        'unattended: scripts/deploy.sh:2 holds a secret literal (password) on a line this change removes: withheld, so the patch cannot apply; make this change by hand.',
        'diff --git a/scripts/deploy.sh b/scripts/deploy.sh',
        '--- a/scripts/deploy.sh',
        '+++ b/scripts/deploy.sh',
        '@@ -1,3 +1,3 @@',
        ' #!/usr/bin/env bash',
        '-<unattended: line withheld, it holds a secret literal (password)>',
        '+az login --identity',
        ' az group list',
        '',
      ].join('\n'),
    );
    expect(diff?.applies).toBe(false);
    expect(gitApply('scripts/deploy.sh', before, diff?.text ?? '')).toMatchObject({ applied: false, text: before });
  });

  it('writes no diff at all when an added line would repeat one', () => {
    const token = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJmYWtlIn0.c2ln';
    const before = `Connect-AzAccount -Credential $c -AccessToken '${token}'\n`;
    const after = `Connect-AzAccount -Identity -AccessToken '${token}'\n`;
    const diff = unifiedDiff('scripts/x.ps1', before, after);
    expect(diff).toEqual({
      text: 'unattended: no diff for scripts/x.ps1: the changed text at line 1 would repeat a secret literal (jwt); make this change by hand.\n',
      notes: ['unattended: no diff for scripts/x.ps1: the changed text at line 1 would repeat a secret literal (jwt); make this change by hand.'],
      applies: false,
    });
    const result = gitApply('scripts/x.ps1', before, diff?.text ?? '');
    expect(result.applied).toBe(false);
    expect(result.stderr).toContain('No valid patches in input');
  });

  it('splits the hunks at a secret between two changes, and still applies', () => {
    const before = [
      'name: deploy',
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      AZURE_PASSWORD: Fake-gh-env-password-1',
      '    steps:',
      '      - run: az login -u svc@contoso.example -p "$AZURE_PASSWORD"',
      '      - run: az group list',
      '',
    ].join('\n');
    const after = before.replace('on: push\n', 'on: push\npermissions:\n  id-token: write\n').replace('      - run: az login -u svc@contoso.example -p "$AZURE_PASSWORD"', '      - uses: azure/login@v2');
    const diff = unifiedDiff('.github/workflows/deploy.yml', before, after);
    expect(diff?.text).toBe(
      [
        "unattended: .github/workflows/deploy.yml:7 holds a secret literal (password): left out of the diff's context (the line stays as it is).",
        'diff --git a/.github/workflows/deploy.yml b/.github/workflows/deploy.yml',
        '--- a/.github/workflows/deploy.yml',
        '+++ b/.github/workflows/deploy.yml',
        '@@ -1,5 +1,7 @@',
        ' name: deploy',
        ' on: push',
        '+permissions:',
        '+  id-token: write',
        ' jobs:',
        '   deploy:',
        '     runs-on: ubuntu-latest',
        '@@ -8,3 +10,3 @@',
        '     steps:',
        '-      - run: az login -u svc@contoso.example -p "$AZURE_PASSWORD"',
        '+      - uses: azure/login@v2',
        '       - run: az group list',
        '',
      ].join('\n'),
    );
    expect(gitApply('.github/workflows/deploy.yml', before, diff?.text ?? '')).toMatchObject({ applied: true, text: after });
  });

  it.each([
    ['client-secret', 'ARM_CLIENT_SECRET=abc8Q~defghijklmnopqrstuvwxyz-_.~0123456', 'abc8Q~defghijklmnopqrstuvwxyz-_.~0123456'],
    ['password', "PW='Fake-password-1'", 'Fake-password-1'],
    ['personal-access-token', 'export AZURE_DEVOPS_EXT_PAT=abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst', 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst'],
    ['connection-string', "export STORAGE='AccountKey=RmFrZS1rZXk=;EndpointSuffix=core.windows.net'", 'RmFrZS1rZXk='],
    ['certificate', `PFX='MII${'A'.repeat(64)}'`, `MII${'A'.repeat(64)}`],
    ['jwt', 'TOKEN=eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJmYWtlIn0.c2ln', 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJmYWtlIn0.c2ln'],
  ])('withholds a %s right before the change and applies', (kind, line, value) => {
    const before = `#!/usr/bin/env bash\n${line}\naz login -u svc@contoso.example -p "$PW"\naz group list\n`;
    const after = before.replace('az login -u svc@contoso.example -p "$PW"', 'az login --identity');
    const diff = unifiedDiff('run.sh', before, after);
    expect(diff?.notes).toEqual([`unattended: run.sh:2 holds a secret literal (${kind}): left out of the diff's context (the line stays as it is).`]);
    expect(diff?.text).not.toContain(value);
    expect(diff?.text).toContain('@@ -3,2 +3,2 @@\n-az login -u svc@contoso.example -p "$PW"\n+az login --identity\n az group list\n');
    expect(gitApply('run.sh', before, diff?.text ?? '')).toMatchObject({ applied: true, text: after });
  });
});
