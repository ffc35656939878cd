import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  label: string;
  wallSeconds: number;
  /** Peak resident set size of the command (GNU time's %M, the kernel's maxrss), in MiB. */
  peakRssMiB: number;
  /** User + system CPU time: on a shared machine wall time swings with the load, CPU time much less. */
  cpuSeconds: number;
  /** The system part of cpuSeconds: mostly page faults, which on a virtual machine that hands freed memory back to its host cost ~10 µs each. */
  systemSeconds: number;
  /** Minor page faults (GNU time's %R): every page of memory the command touched for the first time, or again after freeing it. */
  minorFaults: number;
  exitCode: number;
}

/** Run a command as a child process under GNU time (Debian's `time` package) and measure wall time, CPU time, page faults and peak RSS. */
export function measureCommand(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'unattended-bench-'));
  const report = join(dir, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M %R', '-o', report, command, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const [user = 'NaN', sys = 'NaN', kib = 'NaN', faults = 'NaN'] = (readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ');
      rmSync(dir, { recursive: true, force: true });
      resolve({ label, wallSeconds, cpuSeconds: Number(user) + Number(sys), systemSeconds: Number(sys), minorFaults: Number(faults), peakRssMiB: Number(kib) / 1024, exitCode: code ?? -1 });
    });
  });
}

export function formatMeasurement(m: Measurement): string {
  return `${m.label}: ${m.wallSeconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU (${m.systemSeconds.toFixed(2)} s system, ${m.minorFaults.toLocaleString('en-US')} page faults), peak RSS ${m.peakRssMiB.toFixed(0)} MiB, exit ${m.exitCode}`;
}
