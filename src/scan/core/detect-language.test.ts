import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it('reads extensions, special names and shebangs', () => {
    expect(detectLanguage('a/b/deploy.ps1', '')).toBe('powershell');
    expect(detectLanguage('scripts/login.sh', '')).toBe('bash');
    expect(detectLanguage('infra/main.tf', '')).toBe('terraform');
    expect(detectLanguage('.github/workflows/ci.yml', '')).toBe('yaml');
    expect(detectLanguage('Dockerfile', '')).toBe('dockerfile');
    expect(detectLanguage('svc/Dockerfile.prod', '')).toBe('dockerfile');
    expect(detectLanguage('.env', '')).toBe('dotenv');
    expect(detectLanguage('.env.local', '')).toBe('dotenv');
    expect(detectLanguage('bin/deploy', '#!/usr/bin/env bash\naz login\n')).toBe('bash');
    expect(detectLanguage('bin/run', '#!/usr/bin/env pwsh\n')).toBe('powershell');
    expect(detectLanguage('bin/tool', '#!/bin/sh\n')).toBe('bash');
    expect(detectLanguage('README.md', '# Connect-AzAccount')).toBe('text');
  });
});
