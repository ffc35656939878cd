/**
 * A scan worker thread: receives batches of files, scans each with every registered detector, posts the
 * results back. Grammars load once per thread, on first use.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { DETECTORS } from '../detectors/registry.js';
import { scanFile, type FileScan } from './scan-file.js';
import { createEngine } from './scan-source.js';

const batchSchema = z.object({ id: z.number(), files: z.array(z.object({ absolute: z.string(), relative: z.string() })) });
const engine = createEngine(DETECTORS.values());
const port = parentPort;

if (port) {
  port.on('message', (message: unknown) => {
    const batch = batchSchema.parse(message);
    void (async () => {
      const results: FileScan[] = [];
      for (const file of batch.files) results.push(await scanFile(engine, file));
      port.postMessage({ id: batch.id, results });
    })();
  });
}
