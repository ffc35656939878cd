import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanPaths } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'unattended-scan-'));
mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
writeFileSync(join(root, 'deploy.sh'), '#!/bin/bash\naz login -u ops@contoso.com -p "$PW"\naz deployment group create -g rg -f main.bicep\n');
// Windows PowerShell 5 saves scripts as UTF-16LE with a byte order mark.
writeFileSync(join(root, 'runbook.ps1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Connect-AzAccount -Identity\r\n', 'utf16le')]));
// No detector reads .png files: never opened. An extensionless file is read for a shebang: this one is binary.
writeFileSync(join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x61, 0x7a, 0x20, 0x6c, 0x6f, 0x67, 0x69, 0x6e]));
writeFileSync(join(root, 'tool'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x61, 0x7a, 0x20, 0x6c, 0x6f, 0x67, 0x69, 0x6e]));
writeFileSync(join(root, 'bootstrap'), '#!/bin/sh\naz login --identity\n');
writeFileSync(join(root, 'huge.sh'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
writeFileSync(join(root, 'notes.txt'), 'nothing here\n');
for (let index = 0; index < 20; index += 1) writeFileSync(join(root, `noise-${index}.js`), `console.log(${index});\n`);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scanPaths', () => {
  for (const workers of [1, 2]) {
    it(`finds, resolves and notes skips identically with ${workers} worker(s)`, async () => {
      const result = await scanPaths([root], { workers });
      expect(result.findings.map((f) => [f.file, f.line, f.rule, f.authMethod])).toEqual([
        ['bootstrap', 2, 'shell/az-login-managed-identity', 'managed-identity'],
        ['deploy.sh', 2, 'shell/az-login-user-password', 'user-password'],
        ['deploy.sh', 3, 'shell/az-deployment-ambient', 'user-password'],
        ['runbook.ps1', 1, 'powershell/connect-azaccount-managed-identity', 'managed-identity'],
      ]);
      expect(result.skipped).toEqual([
        { file: 'huge.sh', reason: 'larger than 5 MB (5.0 MB)' },
        { file: 'tool', reason: 'binary' },
      ]);
      expect(result.filesSeen).toBe(27);
      expect(result.filesParsed).toBe(3);
    });
  }
});
