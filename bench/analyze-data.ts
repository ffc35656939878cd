import { existsSync, rmSync } from 'node:fs';
import { openStore } from '../src/store/store.js';
import { rebuildSignInRollups } from '../src/store/rollups/sign-in-rollups.js';

/**
 * A synthetic store for the analyze benchmark, generated inside DuckDB (no JSON round trip): 30 days of sign-ins
 * shared by people (60%, office hours and MFA on the portal), service accounts (30%, CLI password grants from Azure)
 * and service principals (10%), plus directory objects, registration details and Activity-log writes.
 * The shape, not the bytes, is what matters: as many principals and distinct values per principal as a tenant of that size,
 * and sessions as Entra logs them (a person's refreshes ride a three-day session begun by an MFA sign-in; each of a
 * service account's hourly password grants is a session of its own).
 */
export interface BenchTenant {
  signIns: number;
  users: number;
  serviceAccounts: number;
  servicePrincipals: number;
}

export function tenantFor(signIns: number): BenchTenant {
  const users = Math.max(2_000, Math.round(signIns / 200));
  return { signIns, users, serviceAccounts: Math.max(20, Math.round(users / 50)), servicePrincipals: Math.max(50, Math.round(users / 20)) };
}

export async function ensureBenchStore(path: string, tenant: BenchTenant): Promise<void> {
  if (existsSync(path)) {
    const store = await openStore(path);
    const [row] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sign_ins');
    store.close();
    if (row?.n === tenant.signIns) return;
    rmSync(path, { force: true });
  }
  const store = await openStore(path);
  const { signIns, users, serviceAccounts: svc, servicePrincipals: sps } = tenant;
  const humans = users - svc;
  try {
    await store.run(`
      INSERT INTO sign_ins (id, kind, created_at, tenant_id, user_id, upn, user_display_name, user_type, app_id, app_display_name, resource_id,
        resource_display_name, service_principal_id, service_principal_name, ip_address, asn, country, city, client_app_used, user_agent, is_interactive,
        authentication_requirement, authentication_protocol, mfa_satisfied, authentication_steps, applied_policies, error_code, raw, session_id, credential)
      SELECT
        'si-' || i, kind, created_at, 'bench-tenant',
        CASE WHEN grp <> 'sp' THEN printf('00000000-0000-4000-8000-%012d', idx) END,
        CASE WHEN grp <> 'sp' THEN 'user' || idx || '@contoso.com' END,
        CASE WHEN grp <> 'sp' THEN 'User ' || idx END,
        CASE WHEN grp <> 'sp' THEN 'member' END,
        app_id, app_id, resource_id, resource_id,
        CASE WHEN grp = 'sp' THEN printf('10000000-0000-4000-8000-%012d', idx) END,
        CASE WHEN grp = 'sp' THEN 'app-' || idx END,
        CASE WHEN grp = 'svc' THEN '20.61.' || (idx % 256) || '.7' WHEN grp = 'sp' THEN '20.62.' || (idx % 256) || '.9' ELSE '86.' || ((h >> 24) % 8) || '.' || (idx % 256) || '.' || ((h >> 28) % 4) END,
        CASE WHEN grp = 'human' THEN 2856 ELSE 8075 END,
        CASE WHEN grp = 'human' AND (h >> 32) % 40 = 0 THEN 'FR' ELSE 'GB' END, 'London',
        CASE WHEN grp = 'human' THEN 'Browser' ELSE 'Mobile Apps and Desktop clients' END,
        CASE WHEN grp = 'svc' THEN 'azure-cli/2.58.0 (RPM) azsdk-python-core/1.29.0 Python/3.9.18' WHEN grp = 'human' THEN 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0.0.0' END,
        kind = 'interactiveUser',
        -- People sign in with MFA once in a while and refresh their session single-factor in between, as Entra logs it;
        -- service accounts grant a password each hour, in a session of its own.
        CASE WHEN grp = 'human' AND kind = 'interactiveUser' THEN 'multiFactorAuthentication' WHEN grp <> 'sp' THEN 'singleFactorAuthentication' END,
        CASE WHEN grp = 'svc' THEN 'ropc' WHEN grp = 'human' THEN 'none' END,
        CASE WHEN grp = 'human' THEN kind = 'interactiveUser' WHEN grp = 'svc' THEN false END,
        '[]', '[]',
        CASE WHEN (h >> 36) % 60 = 0 THEN 50126 ELSE 0 END,
        '{}',
        CASE WHEN grp = 'human' THEN printf('s-%d-%d', idx, date_diff('day', TIMESTAMP '2026-10-22', created_at) // 3)
             WHEN grp = 'svc' THEN printf('s-%d-%d', idx, date_diff('hour', TIMESTAMP '2026-10-22', created_at)) END,
        CASE WHEN grp = 'svc' THEN true WHEN grp = 'human' THEN kind = 'interactiveUser' ELSE false END
      FROM (
        SELECT i, h, grp, idx,
          CASE WHEN grp = 'sp' THEN 'servicePrincipal' WHEN grp = 'human' AND (h >> 4) % 5 = 0 THEN 'interactiveUser' ELSE 'nonInteractiveUser' END AS kind,
          CASE WHEN grp = 'svc' THEN TIMESTAMP '2026-10-22' + to_seconds((((h >> 20) % 720) * 3600 + idx % 3600)::BIGINT)
               WHEN grp = 'human' THEN TIMESTAMP '2026-10-22' + to_days(((h >> 20) % 30)::INTEGER) + to_seconds((8 * 3600 + (h >> 40) % 36000)::BIGINT)
               ELSE TIMESTAMP '2026-10-22' + to_seconds(((h >> 20) % 2592000)::BIGINT) END AS created_at,
          CASE WHEN grp = 'sp' THEN 'sp-app-' || idx WHEN grp = 'svc' THEN '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
               WHEN (h >> 12) % 4 = 0 THEN 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' ELSE '4765445b-32c6-49b0-83e6-1d93765276ca' END AS app_id,
          CASE WHEN grp = 'human' AND (h >> 12) % 4 <> 0 THEN '00000003-0000-0ff1-ce00-000000000000' ELSE '797f4846-ba00-4fd7-ba43-dac1f8f63013' END AS resource_id
        FROM (
          SELECT i, h,
            CASE WHEN h % 100 < 30 THEN 'svc' WHEN h % 100 < 90 THEN 'human' ELSE 'sp' END AS grp,
            CASE WHEN h % 100 < 30 THEN (h >> 8) % ${svc} WHEN h % 100 < 90 THEN ${svc} + (h >> 8) % ${humans} ELSE (h >> 8) % ${sps} END AS idx
          FROM (SELECT range AS i, hash(range) AS h FROM range(${signIns}))
        )
      )`);
    await store.run(`
      INSERT INTO identities (id, kind, upn, display_name, user_type, account_enabled, password_never_expires, license_count, raw)
      SELECT printf('00000000-0000-4000-8000-%012d', range), 'user', 'user' || range || '@contoso.com', 'User ' || range, 'member', true, range < ${svc}, CASE WHEN range < ${svc} THEN 0 ELSE 1 END, '{}'
      FROM range(${users})`);
    await store.run(`
      INSERT INTO identities (id, kind, display_name, app_id, service_principal_type, raw)
      SELECT printf('10000000-0000-4000-8000-%012d', range), 'servicePrincipal', 'app-' || range, 'sp-app-' || range, 'Application', '{}' FROM range(${sps})`);
    await store.run(`
      INSERT INTO registration_details (user_id, is_mfa_registered, methods_registered, raw)
      SELECT printf('00000000-0000-4000-8000-%012d', range), range >= ${svc}, CASE WHEN range >= ${svc} THEN ['microsoftAuthenticatorPush'] ELSE [] END, '{}' FROM range(${users})`);
    await store.run(`
      INSERT INTO operations (id, time, operation_name, kind, status, caller_object_id, caller_upn, caller_app_id, auth_methods, mfa, category, raw)
      SELECT 'op-' || range, TIMESTAMP '2026-10-22' + to_seconds((hash(range) % 2592000)::BIGINT), 'microsoft.web/sites/write', 'update', 'succeeded',
        printf('00000000-0000-4000-8000-%012d', range % ${users}), 'user' || (range % ${users}) || '@contoso.com', '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
        CASE WHEN range % ${users} < ${svc} THEN 'pwd' ELSE 'pwd,mfa' END, range % ${users} >= ${svc}, 'Administrative', '{}'
      FROM range(${Math.round(signIns / 50)})`);
    // Built here as an import builds them batch by batch: analyze reads the rollups, not every sign-in.
    await rebuildSignInRollups(store);
    await store.run('CHECKPOINT');
  } finally {
    store.close();
  }
}
