import type { ImportFormat } from '../framework/format.js';
import { readCsvRows } from '../framework/csv-table.js';
import { bool } from '../framework/values.js';
import { portalKind, portalSignInDoc } from './portal-sign-in.js';

function isAuthDetails(header: readonly string[]): boolean {
  return header.includes('request id') && header.includes('authentication method') && header.includes('succeeded');
}

/**
 * Entra admin center CSV downloads. `*_AuthDetails_*` files carry each sign-in's authentication steps keyed by
 * Request ID; the import reads them before the sign-in files of the same run and joins them on.
 */
export { isAuthDetails };

export const PORTAL_CSV: ImportFormat = {
  id: 'portal-csv',
  describes: 'Entra admin center CSV downloads (interactive / non-interactive 55 or 57 columns, ApplicationSignIns, MSISignIns, AuthDetails)',
  detect(sniff) {
    const header = sniff.csvHeader;
    return header !== null && header.includes('request id') && (header.includes('date (utc)') || isAuthDetails(header));
  },
  async read(path, batch, run, sniff) {
    if (sniff.csvHeader !== null && isAuthDetails(sniff.csvHeader)) {
      return readCsvRows(path, batch, async (row) => {
        const requestId = row.get('request id')?.toLowerCase() ?? null;
        if (requestId === null) {
          batch.quarantine(row.line, 'missing Request ID', row.raw, null);
          return;
        }
        const entry = run.authDetails.get(requestId) ?? { steps: [], used: false, lines: [] };
        entry.steps.push({
          method: row.get('authentication method'),
          succeeded: bool(row.get('succeeded')),
          requirement: row.get('requirement'),
          resultDetail: row.get('result detail'),
        });
        entry.lines.push(row.line);
        run.authDetails.set(requestId, entry);
        batch.deferAuthDetail(requestId, row.line, row.raw);
      }, null);
    }
    return readCsvRows(path, batch, async (row) => {
      const kind = portalKind(path, row);
      const requestId = row.get('request id')?.toLowerCase() ?? null;
      const details = requestId === null ? undefined : run.authDetails.get(requestId);
      if (details) details.used = true;
      const steps = details?.steps.map((step) => ({
        authenticationMethod: step.method,
        succeeded: step.succeeded,
        authenticationStepRequirement: step.requirement,
        authenticationStepResultDetail: step.resultDetail,
      }));
      await batch.signIns.add(row.line, kind, row.raw, JSON.stringify(portalSignInDoc(row, steps ?? null)), false);
    }, null);
  },
};
