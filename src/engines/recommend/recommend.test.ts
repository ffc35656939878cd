import { describe, expect, it } from 'vitest';
import { blankFeatures } from '../../features/blank-features.js';
import type { Impact } from '../impact/impact.js';
import { recommend } from './recommend.js';

const AS_OF = '2026-11-20T23:59:59.000Z';
const breaks: Impact = { verdict: 'breaks', breaksOn: '2026-12-15', phase: 'phase2', reasons: [], migratedTo: null };
const notAffected: Impact = { verdict: 'not-affected', breaksOn: null, phase: null, reasons: [], migratedTo: null };

describe('recommend', () => {
  it('sends a service account to the workload identity that fits where it runs', () => {
    const ci = blankFeatures('a', 'user', { signIns: 40, azureAsnSignIns: 40, userAgents: [{ key: 'github-actions', name: null, count: 40 }] });
    expect(recommend(ci, 'service-account', breaks, AS_OF).action).toBe('migrate-workload-federation');
    const azure = blankFeatures('b', 'user', { signIns: 40, azureAsnSignIns: 40, userAgents: [{ key: 'azure-cli', name: null, count: 40 }] });
    expect(recommend(azure, 'service-account', breaks, AS_OF)).toEqual({
      action: 'migrate-managed-identity',
      why: 'Runs on Azure compute (100% of sign-ins from ASN 8075): give that resource a managed identity with the roles the account uses.',
    });
    const onPrem = blankFeatures('c', 'user', { signIns: 40, userAgents: [{ key: 'az-powershell', name: null, count: 40 }] });
    expect(recommend(onPrem, 'service-account', breaks, AS_OF)).toEqual({
      action: 'migrate-service-principal-certificate',
      why: 'Runs outside Azure (on-premises or another network): use a service principal with a certificate, with the roles the account uses.',
    });
    const trusted = { ...onPrem, trustedLocationIps: 2, trustedLocations: ['DR site', 'HQ'] };
    expect(recommend(trusted, 'service-account', breaks, AS_OF)).toEqual({
      action: 'migrate-service-principal-certificate',
      why: 'Runs on-premises (2 addresses in the trusted named location "DR site", "HQ"): use a service principal with a certificate, with the roles the account uses.',
    });
  });

  it('retires stale and migrated accounts, keeps the sync account', () => {
    expect(recommend(blankFeatures('d', 'user', { directoryLastSignIn: '2026-05-04T00:00:00.000Z' }), 'service-account', notAffected, AS_OF).action).toBe('retire');
    const migrated: Impact = { ...notAffected, migratedTo: { id: 'sp', name: 'deploy-sp', firstSeen: '2026-11-11T02:00:00.000Z', sharedIp: '1.2.3.4' } };
    expect(recommend(blankFeatures('e', 'user', { signIns: 10 }), 'service-account', migrated, AS_OF)).toEqual({ action: 'retire', why: 'Its work moved to deploy-sp on 2026-11-11: disable the account, then delete it.' });
    expect(recommend(blankFeatures('f', 'user', { upn: 'sync_aadc01_1a2b@contoso.onmicrosoft.com', signIns: 100 }), 'service-account', notAffected, AS_OF).action).toBe('none');
    // A disabled service account is retired (deleted once nothing references it); a disabled person needs nothing.
    const disabled = { accountEnabled: false, signIns: 700, lastSuccess: '2026-10-27T09:30:00.000Z', directoryLastSignIn: '2026-11-20T23:30:00.000Z' };
    expect(recommend(blankFeatures('g', 'user', disabled), 'service-account', notAffected, AS_OF)).toEqual({
      action: 'retire', why: 'Disabled (last successful sign-in 2026-10-27): check that no script, pipeline or job still references it (the scan links them), then delete it.',
    });
    expect(recommend(blankFeatures('h', 'user', disabled), 'human', notAffected, AS_OF)).toEqual({ action: 'none', why: 'A disabled account: nothing to enroll while it cannot sign in.' });
  });

  it('asks people for MFA, and break-glass accounts for a phishing-resistant method unless they have one', () => {
    expect(recommend(blankFeatures('g', 'user'), 'human', breaks, AS_OF).action).toBe('enroll-mfa');
    expect(recommend(blankFeatures('h', 'user'), 'human', notAffected, AS_OF).action).toBe('none');
    expect(recommend(blankFeatures('i', 'user', { methodsRegistered: ['passKeyDeviceBound'] }), 'break-glass', notAffected, AS_OF).action).toBe('none');
    expect(recommend(blankFeatures('j', 'user', { methodsRegistered: [] }), 'break-glass', notAffected, AS_OF).action).toBe('enroll-phishing-resistant-mfa');
    expect(recommend(blankFeatures('k', 'servicePrincipal'), 'workload-identity', notAffected, AS_OF).action).toBe('none');
  });
});
