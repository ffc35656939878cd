import { describe, expect, it } from 'vitest';
import { fixtureAnalysis, fixtureReportInput } from '../../test/report-fixture.js';
import { sortIdentities } from '../engines/identity-order.js';
import { csvReporter, identitiesCsv, scanFindingsCsv } from './csv.js';
import { reportText } from './write-report.js';

describe('identities.csv', () => {
  const { identities } = fixtureAnalysis();
  const lines = identitiesCsv(identities).split('\r\n');

  it('has the header, one row per identity and a final CRLF', () => {
    expect(lines[0]).toBe('id,upn,displayName,kind,class,confidence,verdict,breaksOn,phase,recommendation,reasons,automationCount');
    expect(lines).toHaveLength(identities.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('writes a service account with reasons joined by " | " and its automation count', () => {
    expect(lines[2]).toBe(
      '11111111-0000-0000-0000-000000000002,svc-deploy-legacy@contoso.example,svc-deploy-legacy,user,service-account,0.9,broken,,phase2,migrate-workload-federation,' +
        '14 sign-ins failed with 50076 since 2026-11-02. | RequestDisallowedByPolicy from policy 4e6c27d5 on 2026-11-03.,1',
    );
  });
});

describe('scan-findings.csv', () => {
  it('writes every finding with its identity reference split in two columns', () => {
    expect(scanFindingsCsv(fixtureReportInput().scanFindings)).toBe(
      'file,line,column,ecosystem,authMethod,mfaImpact,identityKind,identityValue,rule,message,fix\r\n' +
        'scripts/rotate-vms.sh,12,1,azure-cli,user-password,breaks,upn,svc-vm-cli@contoso.example,azure-cli/login-user-password,az login with a username and password,Use az login --identity on the VM.\r\n' +
        'pipelines/deploy.yml,30,7,azure-pipelines,service-connection,safe,connection,<b>prod</b>,azure-pipelines/service-connection,AzureCLI@2 with a service connection,None needed; prefer workload identity federation.\r\n' +
        `ops/login.ps1,3,1,powershell,ambient,depends,,,powershell/connect-azaccount-ambient,Connect-AzAccount without parameters,"'=cmd|""/c calc""!A1"\r\n`,
    );
  });

  it('is a header alone when there are no findings', () => {
    expect(scanFindingsCsv([])).toBe('file,line,column,ecosystem,authMethod,mfaImpact,identityKind,identityValue,rule,message,fix\r\n');
  });
});

describe('csvReporter', () => {
  it('names its two files and writes identities.csv from the input\'s identities, in their order', () => {
    const files = csvReporter(fixtureReportInput());
    expect(files.map((file) => file.fileName)).toEqual(['identities.csv', 'scan-findings.csv']);
    const rows = reportText(files[0]?.bytes ?? '').split('\r\n');
    expect(rows).toHaveLength(15);
    // The contract's order: broken first (by UPN), then breaking by date.
    expect(rows.slice(1, 4).map((row) => row.split(',')[1])).toEqual(['bg-password@contoso.example', 'svc-deploy-legacy@contoso.example', 'formula@contoso.example']);
    expect(reportText(files[0]?.bytes ?? '')).toBe(identitiesCsv(sortIdentities(fixtureAnalysis().identities)));
  });
});
