import { describe, expect, it } from 'vitest';
import { exceptionSummary, keyValues, ownerTeam } from './governance-fields.js';

describe('governance fields, whatever their shape', () => {
  it('read an owner as a team name', () => {
    expect(ownerTeam('Platform team')).toBe('Platform team');
    expect(ownerTeam({ team: 'Data', process: 'Nightly ETL', approvers: ['a@x'] })).toBe('Data');
    expect(ownerTeam({ name: 'Ops' })).toBe('Ops');
    expect([ownerTeam(''), ownerTeam(null), ownerTeam(7), ownerTeam({ approvers: ['a'] })]).toEqual([null, null, null, null]);
  });

  it('sum an exception up in one line', () => {
    expect(exceptionSummary('Vendor appliance')).toBe('Vendor appliance');
    expect(exceptionSummary({ reason: 'Vendor appliance', approver: 'ciso@x', expires: '2026-06-30' })).toBe('Vendor appliance (until 2026-06-30)');
    expect(exceptionSummary({ approver: 'ciso@x' })).toBe('Exception');
    expect(exceptionSummary(null)).toBeNull();
  });

  it('list an object\'s facts with readable labels, and a text as one fact', () => {
    expect(keyValues({ target: 'workload-federation', federationSubject: 'repo:org/app:ref:refs/heads/main', roles: ['Contributor', 'Reader'], stage: 'planned', nested: { a: 1 }, empty: '', matchedBy: { kind: 'upn', value: 'svc@contoso.example' } }, 'Plan')).toEqual([
      ['Target', 'workload-federation'],
      ['Federation subject', 'repo:org/app:ref:refs/heads/main'],
      ['Roles', 'Contributor, Reader'],
      ['Stage', 'planned'],
      ['Nested', '1'],
      ['Matched by', 'upn: svc@contoso.example'],
    ]);
    expect(keyValues('Platform team', 'Owner')).toEqual([['Owner', 'Platform team']]);
    expect(keyValues(null, 'Owner')).toBeNull();
    expect(keyValues({}, 'Owner')).toBeNull();
  });
});
