import { beforeAll } from 'vitest';

/**
 * Something a test needs from the machine rather than from the repository: Debian's Chromium, the SARIF Multitool's
 * native binary, the `../shared` sample exports. On a developer's machine a missing one skips the test with its reason;
 * in CI (`CI` set, as `.ci/run` does) the same test must fail instead, or a broken runner turns the suite silently green.
 */
export interface Prerequisite {
  met: boolean;
  /** Skip the tests that need it: only when it is missing and CI is not set. */
  skip: boolean;
  /** What is missing and how to get it, one line. */
  reason: string;
}

/** Whether CI is set: any non-empty value, as the CLI's own check (progress.ts) reads it. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['CI']);
}

/** Skip or fail for one prerequisite, without a word: `prerequisite` is this plus the line a skip prints. */
export function decidePrerequisite(met: boolean, reason: string, env: NodeJS.ProcessEnv = process.env): Prerequisite {
  return { met, skip: !met && !inCi(env), reason };
}

/** Decides skip or fail for one prerequisite; prints the reason once when it skips. */
export function prerequisite(met: boolean, reason: string, env: NodeJS.ProcessEnv = process.env): Prerequisite {
  const decided = decidePrerequisite(met, reason, env);
  if (decided.skip) console.warn(`skipped: ${reason}`);
  return decided;
}

/** Throws the prerequisite's reason when it is missing: the first line of a test that needs it. */
export function assertPrerequisite(needed: Prerequisite): void {
  if (!needed.met) throw new Error(`${needed.reason} (CI is set, so this fails instead of skipping)`);
}

/**
 * Inside a `describe.skipIf(needed.skip)` block, before its other hooks: when the block runs although the
 * prerequisite is missing (in CI), every test in it fails with the reason rather than with a later, obscure error.
 */
export function failWithoutPrerequisite(needed: Prerequisite): void {
  beforeAll(() => assertPrerequisite(needed));
}
