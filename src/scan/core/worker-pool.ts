import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { FileScan } from './scan-file.js';
import type { WalkedFile } from './walk.js';

const BATCH_FILES = 128;

const findingSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  ecosystem: z.string(),
  authMethod: z.enum(['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation']),
  mfaImpact: z.enum(['breaks', 'needs-human', 'depends', 'safe']),
  identity: z.object({ kind: z.enum(['upn', 'client-id', 'secret-ref', 'env-var', 'connection']), value: z.string() }).nullable(),
  rule: z.string(),
  message: z.string(),
  fix: z.string(),
});
const replySchema = z.object({
  id: z.number(),
  results: z.array(z.object({ file: z.string(), findings: z.array(findingSchema), parsed: z.boolean(), skipped: z.string().nullable() })),
});

/**
 * Starts a worker on the compiled JS next to this file, or, when running from the TypeScript source (tests,
 * benchmarks), on the .ts source with tsx's loader registered inside the worker first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./scan-worker.js', import.meta.url));
  // tsx's ESM API registers its hooks in this thread; the worker's own imports then load TypeScript.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = new URL('./scan-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

/**
 * Scans `files` on `size` worker threads, in batches pulled as workers free up. Results come back in any
 * order; the caller sorts. `onBatch` reports progress.
 */
export async function scanWithWorkers(files: readonly WalkedFile[], size: number, onBatch: (done: number) => void): Promise<FileScan[]> {
  const batches: WalkedFile[][] = [];
  for (let start = 0; start < files.length; start += BATCH_FILES) batches.push(files.slice(start, start + BATCH_FILES));
  const results: FileScan[] = [];
  const count = Math.max(1, Math.min(size, batches.length));
  let next = 0;
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = startWorker();
      const send = (): void => {
        const batch = batches[next];
        if (!batch) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ id: next, files: batch });
        next += 1;
      };
      worker.on('message', (message: unknown) => {
        const reply = replySchema.parse(message);
        results.push(...reply.results);
        onBatch(reply.results.length);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`scan worker exited with code ${code}`));
      });
      send();
    });
  await Promise.all(Array.from({ length: count }, run));
  return results;
}
