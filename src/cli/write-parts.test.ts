import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writePartsSync } from './write-parts.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-write-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Small parts around one larger than the 1 MiB batch, with bytes that tell their places apart. */
function parts(): Uint8Array[] {
  const list: Uint8Array[] = [];
  for (let index = 0; index < 3000; index += 1) list.push(Buffer.from(`part ${index};`));
  list.push(Buffer.alloc(1_500_000, 'x'));
  for (let index = 0; index < 3000; index += 1) list.push(Buffer.from(`after ${index};`));
  return list;
}

describe('writePartsSync', () => {
  it('writes every part in order to a file, a part larger than its batch included', () => {
    const path = join(work, 'out.bin');
    const fd = openSync(path, 'w');
    try {
      writePartsSync(fd, parts());
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path).equals(Buffer.concat(parts()))).toBe(true);
  });

  it('waits out a full pipe to a slow reader and loses nothing', async () => {
    // The child writes 3 MB to its stdout, a non-blocking pipe. It wraps fs.writeSync (which write-parts.ts imports) to
    // say on stderr when a write to stdout first fails with EAGAIN; this process reads nothing until it hears that, so
    // the pipe is known to have filled, with no sleep to guess how long that takes.
    const tsx = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const module = pathToFileURL(resolve(import.meta.dirname, 'write-parts.ts')).href;
    const script = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const writeSync = fs.writeSync;
let announced = false;
fs.writeSync = (fd, ...rest) => {
  try {
    return writeSync(fd, ...rest);
  } catch (error) {
    if (fd === 1 && error.code === 'EAGAIN' && !announced) {
      announced = true;
      writeSync(2, 'pipe full\\n');
    }
    throw error;
  }
};
syncBuiltinESMExports();
const { writePartsSync } = await import(${JSON.stringify(module)});
const parts = Array.from({ length: 30000 }, (_, index) => Buffer.from(\`line \${index} \${'y'.repeat(90)}\\n\`));
writePartsSync(process.stdout.fd, parts);`;
    const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    const exited = new Promise((done) => child.once('exit', done));
    const full = new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr.push(chunk);
        if (Buffer.concat(stderr).toString('utf8').includes('pipe full\n')) done();
      });
    });
    // If the pipe never fills, the child exits instead and the stderr check below fails.
    await Promise.race([full, exited]);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const status = await new Promise((done) => child.on('close', done));
    expect(Buffer.concat(stderr).toString('utf8')).toBe('pipe full\n');
    expect(status).toBe(0);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    expect(lines).toHaveLength(30001);
    expect(lines[29999]).toBe(`line 29999 ${'y'.repeat(90)}`);
    expect(lines.every((line, index) => index === 30000 ? line === '' : line.startsWith(`line ${index} `))).toBe(true);
  });

  it('stops without an error when the reader goes away', async () => {
    const tsx = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const module = pathToFileURL(resolve(import.meta.dirname, 'write-parts.ts')).href;
    const script = `const { writePartsSync } = await import(${JSON.stringify(module)});
const parts = Array.from({ length: 100000 }, () => Buffer.from('x'.repeat(99) + '\\n'));
process.stderr.write(String(writePartsSync(process.stdout.fd, parts)));`;
    const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // Read the first chunk, then close the pipe, as `| head -c` does.
    await new Promise((done) => child.stdout.once('data', done));
    child.stdout.destroy();
    const status = await new Promise((done) => child.on('close', done));
    expect({ status, stderr: Buffer.concat(stderr).toString('utf8') }).toEqual({ status: 0, stderr: 'false' });
  });
});
