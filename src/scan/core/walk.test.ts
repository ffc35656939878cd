import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkRoot } from './walk.js';

const base = mkdtempSync(join(tmpdir(), 'unattended-walk-'));
const root = join(base, 'repo');
const outside = join(base, 'outside');
mkdirSync(join(root, 'scripts', 'generated'), { recursive: true });
mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
mkdirSync(join(root, 'sub'), { recursive: true });
mkdirSync(outside, { recursive: true });
writeFileSync(join(root, '.gitignore'), 'build/\n*.log\n');
writeFileSync(join(root, 'sub', '.gitignore'), 'local.sh\n');
writeFileSync(join(root, 'scripts', 'deploy.sh'), 'az login\n');
writeFileSync(join(root, 'scripts', 'generated', 'x.sh'), 'az login\n');
writeFileSync(join(root, 'node_modules', 'pkg', 'index.sh'), 'az login\n');
writeFileSync(join(root, 'run.log'), 'az login\n');
writeFileSync(join(root, 'sub', 'local.sh'), 'az login\n');
writeFileSync(join(root, 'sub', 'kept.sh'), 'az login\n');
mkdirSync(join(root, 'build'), { recursive: true });
writeFileSync(join(root, 'build', 'out.sh'), 'az login\n');
writeFileSync(join(outside, 'secret.sh'), 'az login\n');
symlinkSync(outside, join(root, 'escape'));
symlinkSync(join(root, 'scripts'), join(root, 'scripts-link'));
symlinkSync(join(outside, 'secret.sh'), join(root, 'file-escape.sh'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('walkRoot', () => {
  it('honours nested .gitignore files and vendor folders, and never leaves the root through a symlink', () => {
    const { files, skipped } = walkRoot(root);
    expect(files.map((file) => file.relative)).toEqual(['.gitignore', 'scripts/deploy.sh', 'scripts/generated/x.sh', 'sub/.gitignore', 'sub/kept.sh']);
    expect(skipped).toEqual([
      { file: 'escape', reason: 'symlink pointing outside the scan root' },
      { file: 'file-escape.sh', reason: 'symlink pointing outside the scan root' },
    ]);
  });

  it('prefixes paths with the root name when asked (several roots)', () => {
    const { files } = walkRoot(join(root, 'sub'), 'sub');
    expect(files.map((file) => file.relative)).toEqual(['sub/.gitignore', 'sub/kept.sh']);
  });
});
