import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';
import { resolvedSignInsSql } from './sign-in-mfa-sql.js';

/**
 * The session rules (reference/data-formats.md, "Sessions"), one row per rule, resolved over hand-built sign_ins rows.
 * Columns: a label, the user, the session, minutes after 09:00, kind, error code, own MFA (requirement), credential step.
 */
type Row = readonly [label: string, user: string, session: string | null, minute: number, kind: string, error: number, ownMfa: boolean, credential: boolean];

const ROWS: readonly Row[] = [
  // Alice: a session that completed MFA, then refreshes logged single-factor; one refresh before the MFA sign-in.
  ['alice refresh before the MFA sign-in', 'alice', 's1', 0, 'nonInteractiveUser', 0, false, false],
  ['alice MFA sign-in', 'alice', 's1', 5, 'interactiveUser', 0, true, true],
  ['alice refresh at the same instant', 'alice', 's1', 5, 'nonInteractiveUser', 0, false, false],
  ['alice refresh after', 'alice', 's1', 30, 'nonInteractiveUser', 0, false, false],
  ['alice password re-prompt in the MFA session', 'alice', 's1', 40, 'interactiveUser', 0, false, true],
  ['alice failed refresh', 'alice', 's1', 45, 'nonInteractiveUser', 50173, false, false],
  // Bob: a password-only session, refreshed; then MFA in the same session later.
  ['bob password sign-in', 'bob', 's2', 0, 'interactiveUser', 0, false, true],
  ['bob refresh of the password session', 'bob', 's2', 10, 'nonInteractiveUser', 0, false, false],
  ['bob step-up MFA', 'bob', 's2', 20, 'interactiveUser', 0, true, true],
  ['bob refresh after the step-up', 'bob', 's2', 25, 'nonInteractiveUser', 0, false, false],
  // Carol: a session begun before the data, and a refresh with no session id at all.
  ['carol refresh of a session begun earlier', 'carol', 's3', 0, 'nonInteractiveUser', 0, false, false],
  ['carol refresh without a session id', 'carol', null, 1, 'nonInteractiveUser', 0, false, false],
  ['carol password grant without a session id', 'carol', null, 2, 'nonInteractiveUser', 0, false, true],
  // Dave shares Alice's session id by accident: another user's MFA carries nothing for him.
  ['dave refresh in a session id alice used', 'dave', 's1', 50, 'nonInteractiveUser', 0, false, false],
  // A failed attempt neither completes MFA nor begins the session: only successful sign-ins do.
  ['erin failed MFA', 'erin', 's5', 0, 'interactiveUser', 50074, true, true],
  ['erin refresh', 'erin', 's5', 5, 'nonInteractiveUser', 0, false, false],
  ['a service principal', 'sp', null, 0, 'servicePrincipal', 0, false, true],
];

const EXPECTED: Readonly<Record<string, string | null>> = {
  'alice refresh before the MFA sign-in': 'untraced',
  'alice MFA sign-in': 'own-mfa',
  'alice refresh at the same instant': 'session-mfa',
  'alice refresh after': 'session-mfa',
  'alice password re-prompt in the MFA session': 'session-mfa',
  'alice failed refresh': null,
  'bob password sign-in': 'own-single',
  'bob refresh of the password session': 'session-single',
  'bob step-up MFA': 'own-mfa',
  'bob refresh after the step-up': 'session-mfa',
  'carol refresh of a session begun earlier': 'untraced',
  'carol refresh without a session id': 'untraced',
  'carol password grant without a session id': 'own-single',
  'dave refresh in a session id alice used': 'untraced',
  'erin failed MFA': null,
  'erin refresh': 'untraced',
  'a service principal': null,
};

describe('mfa_basis: how a sign-in\'s MFA is known', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.run(`CREATE TEMP TABLE rows (label VARCHAR, user_id VARCHAR, upn VARCHAR, session_id VARCHAR, created_at TIMESTAMP, kind VARCHAR, error_code INTEGER,
      mfa_satisfied BOOLEAN, authentication_requirement VARCHAR, additional_details VARCHAR, credential BOOLEAN, mfa_basis VARCHAR, authentication_protocol VARCHAR)`);
    for (const [label, user, session, minute, kind, error, ownMfa, credential] of ROWS) {
      await store.run('INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL)', [
        label, user, `${user}@contoso.com`, session, `2026-11-02 09:${String(minute).padStart(2, '0')}:00`, kind, error,
        ownMfa && error === 0 ? true : null, ownMfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication', credential,
      ]);
    }
  });
  afterAll(() => store.close());

  it('resolves each rule to its basis, from the rows of the relation alone', async () => {
    const rows = await store.all<{ label: string; mfa_basis: string | null }>(`SELECT label, mfa_basis FROM (${resolvedSignInsSql('SELECT * FROM rows')}) ORDER BY label`);
    expect(Object.fromEntries(rows.map((row) => [row.label, row.mfa_basis]))).toEqual(EXPECTED);
  });

  it('gives a sign-in the same basis whether the relation ends at it or goes on (the rules look only backwards)', async () => {
    const cut = '2026-11-02 09:10:00';
    const rows = await store.all<{ label: string; mfa_basis: string | null }>(
      `SELECT label, mfa_basis FROM (${resolvedSignInsSql(`SELECT * FROM rows WHERE created_at < '${cut}'`)}) ORDER BY label`,
    );
    expect(rows.length).toBe(10);
    for (const row of rows) expect([row.label, row.mfa_basis]).toEqual([row.label, EXPECTED[row.label]]);
  });
});
