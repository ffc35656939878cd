import { describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { FlowBlock, FlowNode, FlowProgram } from './flow-program.js';
import { reachingLogins, type FlowRole, type Origin } from './reaching-logins.js';

function finding(line: number): ScanFinding {
  return { file: 'x.ps1', line, column: 1, ecosystem: 'powershell', authMethod: 'ambient', mfaImpact: 'depends', identity: null, rule: 'r/x', message: 'm', fix: 'f' };
}
const block = (...items: FlowNode[]): FlowBlock => ({ items });
const at = (node: ScanFinding): FlowNode => ({ kind: 'finding', finding: node });
const program = (body: FlowBlock, functions: [string, FlowBlock][] = []): FlowProgram => ({ body, functions: new Map(functions) });
const lines = (origins: ReadonlySet<Origin> | undefined): (number | string | null)[] =>
  [...(origins ?? [])].map((origin) => (origin === 'more' ? 'more' : (origin?.line ?? null))).sort((a, b) => String(a).localeCompare(String(b)));

describe('reachingLogins on hand-built flows', () => {
  const cli = finding(1);
  const ps = finding(2);
  const both = finding(3);
  const use = finding(4);
  const psUse = finding(5);
  const roles = new Map<ScanFinding, FlowRole>([
    [cli, { sets: { session: 'azure-cli', opaque: false } }],
    [ps, { sets: { session: 'azure-powershell', opaque: false } }],
    [both, { sets: { session: 'any', opaque: false } }],
    [use, { uses: 'azure-cli' }],
    [psUse, { uses: 'azure-powershell' }],
  ]);

  it('a login of another session leaves the use where it was; one of both sessions replaces either', () => {
    const reached = reachingLogins(program(block(at(cli), at(ps), at(use), at(psUse), at(both), at(use))), roles);
    expect([lines(reached?.get(use)), lines(reached?.get(psUse))]).toEqual([[1, 3], [2]]);
  });

  it('a non-exhaustive branch keeps the path with no login; an exhaustive one does not', () => {
    const open = reachingLogins(program(block({ kind: 'branch', arms: [block(at(cli))], exhaustive: false, catchesBreak: false }, at(use))), roles);
    const closed = reachingLogins(program(block({ kind: 'branch', arms: [block(at(cli)), block({ kind: 'jump', to: 'exit' })], exhaustive: true, catchesBreak: false }, at(use))), roles);
    expect([lines(open?.get(use)), lines(closed?.get(use))]).toEqual([[1, null], [1]]);
  });

  it('a function returns on every path with the state at its returns; a use after an exit is never reached', () => {
    const fn = block({ kind: 'branch', arms: [block({ kind: 'jump', to: 'return' })], exhaustive: false, catchesBreak: false }, at(cli));
    const reached = reachingLogins(program(block({ kind: 'call', name: 'f' }, at(use), { kind: 'jump', to: 'exit' }, at(psUse)), [['f', fn]]), roles);
    expect(lines(reached?.get(use))).toEqual([1, null]);
    expect(reached?.has(psUse)).toBe(false);
  });

  it('cuts a set of logins past 8, keeping the path with none: such a step is never resolved anyway', () => {
    const logins = Array.from({ length: 12 }, (_, index) => finding(100 + index));
    const many = new Map<ScanFinding, FlowRole>([...roles, ...logins.map((login): [ScanFinding, FlowRole] => [login, { sets: { session: 'azure-cli', opaque: false } }])]);
    const arms = logins.map((login) => block(at(login)));
    const reached = reachingLogins(program(block({ kind: 'branch', arms, exhaustive: false, catchesBreak: false }, at(use))), many);
    expect(lines(reached?.get(use))).toEqual([100, 101, 102, 103, 104, 105, 'more', null]);
  });

  it('gives up (null) past its budget instead of running unbounded', () => {
    const items: FlowNode[] = [];
    for (let index = 0; index < 50; index += 1) items.push(at(cli), at(use));
    expect(reachingLogins(program(block(...items)), roles, 10)).toBeNull();
    expect(reachingLogins(program(block(...items)), roles, 1000)).not.toBeNull();
  });
});
