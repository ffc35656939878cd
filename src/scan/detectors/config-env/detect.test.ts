import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../core/detector.js';
import { detectConfigEnv } from './detect.js';
import { configFileKind } from './rules.js';

const noEmbedded = { scanEmbedded: () => Promise.resolve([]) };

function file(path: string, text: string, language: SourceFile['language']): SourceFile {
  return { path, language, text, lineOffset: 1 };
}

describe('config-env', () => {
  it('reports ROPC on the password line with the literal UPN, never the password', async () => {
    const findings = await detectConfigEnv(file('ops/.env', 'AZURE_USERNAME=svc@contoso.com\nAZURE_PASSWORD=Secr3t@contoso.com\n', 'dotenv'), { kind: 'text' }, noEmbedded);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 1, rule: 'config-env/azure-username-password', authMethod: 'user-password', mfaImpact: 'breaks', identity: { kind: 'upn', value: 'svc@contoso.com' } });
    expect(JSON.stringify(findings)).not.toContain('Secr3t');
  });

  it('names the variable when the username is a reference', async () => {
    const findings = await detectConfigEnv(file('.env', 'AZURE_USERNAME=${USER_FROM_VAULT}\nAZURE_PASSWORD=x\n', 'dotenv'), { kind: 'text' }, noEmbedded);
    expect(findings.map((finding) => finding.identity)).toEqual([{ kind: 'env-var', value: 'AZURE_USERNAME' }]);
  });

  it('maps Dockerfile RUN bodies to embedded bash at their own line', async () => {
    const calls: SourceFile[] = [];
    const context = { scanEmbedded: (script: SourceFile) => { calls.push(script); return Promise.resolve([]); } };
    await detectConfigEnv(file('Dockerfile', 'FROM x\nRUN az login \\\n  -u a -p b\n', 'dockerfile'), { kind: 'text' }, context);
    expect(calls).toEqual([{ path: 'Dockerfile', language: 'bash', text: '    az login \\\n  -u a -p b', lineOffset: 2 }]);
  });

  it('shifts lines by the host offset', async () => {
    const findings = await detectConfigEnv({ path: 'a.env', language: 'dotenv', text: 'AZURE_CLIENT_SECRET=x\n', lineOffset: 10 }, { kind: 'text' }, noEmbedded);
    expect(findings.map((finding) => [finding.line, finding.rule])).toEqual([[10, 'config-env/azure-client-secret']]);
  });
});

describe('config-env file kinds', () => {
  it('tells Dockerfiles, env files, settings JSON and YAML apart by name', () => {
    expect(['Dockerfile', 'build/Dockerfile.prod', 'api.dockerfile', 'dockerfile-lint.yml', '.env.local', 'prod.env', 'appsettings.Development.json', 'package.json', '.github/workflows/ci.yml'].map((path) => configFileKind(path, 'text'))).toEqual([
      'dockerfile', 'dockerfile', 'dockerfile', 'yaml', 'dotenv', 'dotenv', 'json', null, null,
    ]);
  });
});
