/**
 * `npm run audit:deps`: `npm audit --omit=dev`, failing on any high or critical advisory in what ships. A registry
 * that does not serve the advisory endpoint (a mirror or proxy answering 405, as some CI networks do) cannot be
 * checked: that is said on stderr, loudly, and is not a pass of the check but not a failed build either; any other
 * failure of npm (no lockfile, a broken tree) fails.
 */
import { spawnSync } from 'node:child_process';
import { z } from 'zod';

const reportSchema = z.object({
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }),
});
const errorSchema = z.object({ message: z.string() });

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const text = run.stdout.trim();
let parsed: unknown = null;
try {
  parsed = JSON.parse(text);
} catch {
  parsed = null;
}
const report = reportSchema.safeParse(parsed);
if (report.success) {
  const counts = report.data.metadata.vulnerabilities;
  const serious = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
  const summary = Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ');
  process.stdout.write(`npm audit --omit=dev: ${summary}\n`);
  if (serious > 0) {
    process.stderr.write(`npm audit: ${serious} high or critical advisories in production dependencies: run npm audit --omit=dev\n`);
    process.exit(1);
  }
  process.exit(0);
}
const failure = errorSchema.safeParse(parsed);
const message = failure.success ? failure.data.message : (run.stderr.split('\n').find((line) => line.includes('error')) ?? `npm audit exited ${run.status ?? 'by a signal'}`);
if (/\b(?:405|403|404|501)\b|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/u.test(message)) {
  process.stderr.write(`npm audit: NOT CHECKED: this registry does not serve advisories (${message})\n`);
  process.exit(0);
}
process.stderr.write(`npm audit failed: ${message}\n`);
process.exit(1);
