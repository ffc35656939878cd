import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_JSON_SCHEMA_PATH, configJsonSchemaText } from './config-json-schema.js';
import { unattendedConfigSchema } from './config-schema.js';

const root = join(import.meta.dirname, '..', '..');
const checkedIn = readFileSync(join(root, CONFIG_JSON_SCHEMA_PATH), 'utf8');
// Formats are annotations here: zod's date check is the schema's pattern, which ajv does apply. A oneOf branch may require
// a key the object defines beside it (strictRequired would want it in the branch too).
const validate = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false }).compile(JSON.parse(checkedIn));

function verdicts(document: unknown): { zod: boolean; jsonSchema: boolean } {
  return { zod: unattendedConfigSchema.safeParse(document).success, jsonSchema: validate(document) };
}

const owner = { team: 'Storage', process: 'Backups', contacts: ['s@contoso.com'], approvers: ['h@contoso.com'] };
const exception = { identity: 'svc@contoso.com', reason: 'vendor', approver: 'h@contoso.com', created: '2026-10-01', expires: '2026-11-27' };

/** Documents on both sides of every rule: each must get the same verdict from zod and from the JSON Schema. */
const CORPUS: readonly [name: string, document: unknown, valid: boolean][] = [
  ['empty', {}, true],
  ['tenant and cloud', { tenant: { id: 't', cloud: 'usgov' } }, true],
  ['unknown cloud', { tenant: { cloud: 'mars' } }, false],
  ['dates', { enforcement: { phase1: '2025-03-15', phase2: '2024-02-29' } }, true],
  ['not a leap day', { enforcement: { phase2: '2025-02-29' } }, false],
  ['month 13', { enforcement: { phase2: '2026-13-01' } }, false],
  ['day 31 of a 30-day month', { enforcement: { phase1: '2026-04-31' } }, false],
  ['dates per cloud', { enforcement: { clouds: { china: { phase1: '2026-01-01' } } } }, true],
  ['unknown cloud in dates', { enforcement: { clouds: { moon: {} } } }, false],
  ['misspelt top-level key', { breakglass: [] }, false],
  ['owner by upn', { owners: [{ upn: 'a@b.c', owner }] }, true],
  ['owner null', { owners: [{ pattern: 'svc-*', owner: null }] }, true],
  ['owner missing', { owners: [{ tag: 'payments' }] }, false],
  ['two matchers', { owners: [{ id: 'x', path: 'a/**', owner }] }, false],
  ['no matcher', { owners: [{ owner }] }, false],
  ['owner without team', { owners: [{ id: 'x', owner: { process: 'p' } }] }, false],
  ['blank team', { owners: [{ id: 'x', owner: { team: ' ' } }] }, false],
  ['unknown owner key', { owners: [{ id: 'x', owner: { ...owner, phone: '1' } }] }, false],
  ['exception', { exceptions: [exception] }, true],
  ['exception by path only', { exceptions: [{ ...exception, identity: undefined, path: 'scripts/**' }] }, true],
  ['exception with neither identity nor path', { exceptions: [{ reason: 'r', created: '2026-01-01', expires: '2026-01-02' }] }, false],
  ['exception without reason', { exceptions: [{ identity: 'x', created: '2026-01-01', expires: '2026-01-02' }] }, false],
  ['exception without approver (the gate, not the schema, says no)', { exceptions: [{ ...exception, approver: undefined }] }, true],
  ['exception with a bad date', { exceptions: [{ ...exception, expires: '27/11/2026' }] }, false],
  ['retirement', { retirements: [{ identity: 'x', decidedBy: 'y', date: '2026-11-01' }] }, true],
  ['retirement without decider', { retirements: [{ identity: 'x', date: '2026-11-01' }] }, false],
  ['gate', { gate: { maxExceptionDays: 90, expiringWithinDays: 0, ownersRequiredFor: ['service-account', 'workload-identity'] } }, true],
  ['gate zero days', { gate: { maxExceptionDays: 0 } }, false],
  ['gate fractional days', { gate: { maxExceptionDays: 1.5 } }, false],
  ['gate unknown class', { gate: { ownersRequiredFor: ['robot'] } }, false],
  ['not an object', ['owners'], false],
];

/** Without undefined members: JSON (and YAML) has no such thing. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('schema/unattended.schema.json', () => {
  it('is exactly what the zod schema generates (run npm run schema after changing src/config/)', () => {
    expect(checkedIn).toBe(configJsonSchemaText());
  });

  it.each(CORPUS)('agrees with zod: %s', (_name, document, valid) => {
    expect(verdicts(asJson(document))).toEqual({ zod: valid, jsonSchema: valid });
  });

  it('agrees with zod on generated documents, valid or not', () => {
    // Mostly good values, so that valid documents are common enough to test the other side of the line.
    const date = fc.oneof(
      { arbitrary: fc.date({ min: new Date(Date.UTC(1999, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 6 },
      { arbitrary: fc.constantFrom('2024-02-29', '2025-02-29', '2026-04-31', '2026-1-01', '', 'x'), weight: 1 },
    );
    const word = fc.oneof({ arbitrary: fc.constantFrom('a', 'svc-*@contoso.com', 'Storage'), weight: 8 }, { arbitrary: fc.constantFrom(' ', ''), weight: 1 });
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    /** Present nine times in ten: the keys a valid entry needs. */
    const usually = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 10 });
    const ownerArb = fc.oneof(fc.constant(null), fc.record({ team: usually(word), process: maybe(word), contacts: maybe(fc.array(word, { maxLength: 2 })), extra: fc.option(word, { nil: undefined, freq: 10 }) }).map(({ extra, ...rest }) => (extra === undefined ? rest : { ...rest, extra })));
    const matchers = fc.oneof({ arbitrary: fc.subarray(['id', 'upn', 'pattern', 'tag', 'path'], { minLength: 1, maxLength: 1 }), weight: 6 }, { arbitrary: fc.subarray(['id', 'upn', 'pattern', 'tag', 'path']), weight: 1 });
    const ruleArb = fc.record({ keys: matchers, value: word, owner: usually(ownerArb) }).map(({ keys, value, owner }) => ({ ...Object.fromEntries(keys.map((key) => [key, value])), owner }));
    const exceptionArb = fc.record({ identity: maybe(word), path: maybe(word), reason: usually(word), approver: maybe(word), created: usually(date), expires: usually(date), untilMigrationOf: maybe(word) });
    const retirementArb = fc.record({ identity: usually(word), decidedBy: usually(word), date: usually(date), reason: maybe(word) });
    const gateArb = fc.record({ maxExceptionDays: maybe(fc.oneof(fc.integer({ min: -2, max: 4000 }), fc.double({ noNaN: true }))), expiringWithinDays: maybe(fc.integer({ min: -1, max: 30 })), ownersRequiredFor: maybe(fc.array(fc.constantFrom('human', 'service-account', 'robot'), { maxLength: 2 })) });
    const documentArb = fc.record({
      tenant: maybe(fc.record({ id: maybe(word), cloud: maybe(fc.constantFrom('public', 'usgov', 'mars')) })),
      enforcement: maybe(fc.record({ phase1: maybe(date), phase2: maybe(date) })),
      owners: maybe(fc.array(ruleArb, { maxLength: 3 })),
      exceptions: maybe(fc.array(exceptionArb, { maxLength: 2 })),
      retirements: maybe(fc.array(retirementArb, { maxLength: 2 })),
      gate: maybe(gateArb),
    });
    let valid = 0;
    fc.assert(
      fc.property(documentArb, (generated) => {
        const document = asJson(generated);
        const { zod, jsonSchema } = verdicts(document);
        if (zod) valid += 1;
        return zod === jsonSchema;
      }),
      { numRuns: 1000, seed: 13 },
    );
    // Both sides of the line are exercised (58 valid at this seed).
    expect(valid).toBeGreaterThan(40);
    expect(1000 - valid).toBeGreaterThan(40);
  });
});
