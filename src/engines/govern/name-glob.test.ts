import { describe, expect, it } from 'vitest';
import { compileGlob } from './name-glob.js';

function matches(glob: string, kind: 'name' | 'path', candidates: readonly string[]): string[] {
  const pattern = compileGlob(glob, kind);
  return candidates.filter((candidate) => pattern.test(candidate));
}

describe('compileGlob', () => {
  it('matches names with * and ?, case-insensitively, and nothing else as a wildcard', () => {
    expect(matches('svc-*@contoso.com', 'name', ['svc-backup@contoso.com', 'SVC-VM-CLI@Contoso.com', 'svc-@contoso.com', 'svc-backup@contoso.co', 'x-svc-backup@contoso.com', 'svc-backup@contosoxcom'])).toEqual([
      'svc-backup@contoso.com',
      'SVC-VM-CLI@Contoso.com',
      'svc-@contoso.com',
    ]);
    expect(matches('app-?', 'name', ['app-1', 'app-12', 'app-'])).toEqual(['app-1']);
    expect(matches('a+b(c)[d]', 'name', ['a+b(c)[d]', 'aab(c)d'])).toEqual(['a+b(c)[d]']);
  });

  it('matches paths with ** across folders and * within one name', () => {
    const files = ['scripts/backup.ps1', 'scripts/nightly/backup.ps1', 'scripts/nightly/deep/backup.ps1', 'other/scripts/backup.ps1', 'scripts/backup.sh'];
    expect(matches('scripts/*.ps1', 'path', files)).toEqual(['scripts/backup.ps1']);
    expect(matches('scripts/**/*.ps1', 'path', files)).toEqual(['scripts/backup.ps1', 'scripts/nightly/backup.ps1', 'scripts/nightly/deep/backup.ps1']);
    expect(matches('scripts/**', 'path', files)).toEqual(['scripts/backup.ps1', 'scripts/nightly/backup.ps1', 'scripts/nightly/deep/backup.ps1', 'scripts/backup.sh']);
    expect(matches('**/backup.ps1', 'path', files)).toEqual(['scripts/backup.ps1', 'scripts/nightly/backup.ps1', 'scripts/nightly/deep/backup.ps1', 'other/scripts/backup.ps1']);
    expect(matches('scripts/backup.?s1', 'path', files)).toEqual(['scripts/backup.ps1']);
  });
});
