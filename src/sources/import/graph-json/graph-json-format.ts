import type { ImportFormat } from '../framework/format.js';
import type { FileBatch } from '../framework/file-batch.js';
import type { Outcome } from '../framework/outcome.js';
import { readJsonRecords } from '../framework/json-records.js';
import { text } from '../framework/values.js';
import { normaliseAudit } from '../audit-log/normalise-audit.js';
import { classifyGraphObject, groupOfPage, type GraphEntity } from './classify-graph-object.js';
import {
  normaliseApplication, normaliseConditionalAccessPolicy, normaliseDirectoryRoleAssignment, normaliseGroupMember,
  normaliseNamedLocation, normaliseRegistrationDetails, normaliseServicePrincipal, normaliseUser,
} from './directory-objects.js';

/** Graph directory objects → store rows, by what they are: the one mapping, for files and for `collect` alike. */
export const GRAPH_NORMALISERS: Readonly<Record<Exclude<GraphEntity, 'signIn'>, (value: unknown, raw: string) => Outcome>> = {
  user: normaliseUser,
  registrationDetails: normaliseRegistrationDetails,
  servicePrincipal: normaliseServicePrincipal,
  application: normaliseApplication,
  conditionalAccessPolicy: normaliseConditionalAccessPolicy,
  namedLocation: normaliseNamedLocation,
  directoryRoleAssignment: normaliseDirectoryRoleAssignment,
  directoryAudit: (value, raw) => normaliseAudit(value, raw),
};

function store(batch: FileBatch, outcome: Outcome, line: number, raw: string): void {
  if (outcome.ok) batch.add(outcome.record);
  else batch.quarantine(line, outcome.reason, raw, 'directory');
}

/**
 * Graph JSON: `{ "@odata.context", "value": [...] }` pages or bare arrays (also what the Entra admin center's
 * JSON download is: an array of Graph-shaped sign-ins). Each record is routed by what it is, so a folder of
 * pages of different resources imports in one go.
 */
export const GRAPH_JSON: ImportFormat = {
  id: 'graph-json',
  describes: 'Graph JSON pages or arrays (signIns, users, userRegistrationDetails, servicePrincipals, applications, conditional access, role assignments, group members)',
  detect(sniff) {
    const document = sniff.document;
    if (document === null) return false;
    const context = text(document.meta['@odata.context']);
    if (sniff.firstRecord === null) return context !== null || (document.arrayKey === 'value' && document.elements.length === 0);
    return classifyGraphObject(sniff.firstRecord, context) !== null || groupOfPage(document.meta) !== null;
  },
  read(path, batch) {
    return readJsonRecords(path, batch, async (value, raw, line, document) => {
      const groupId = groupOfPage(document.meta);
      if (groupId !== null) {
        store(batch, normaliseGroupMember(groupId, value), line, raw);
        return;
      }
      const entity = classifyGraphObject(value, text(document.meta['@odata.context']));
      if (entity === null) {
        batch.quarantine(line, 'not a recognised Graph object', raw, null);
        return;
      }
      if (entity === 'signIn') {
        await batch.signIns.add(line, null, raw, null, false);
        return;
      }
      store(batch, GRAPH_NORMALISERS[entity](value, raw), line, raw);
    });
  },
};
