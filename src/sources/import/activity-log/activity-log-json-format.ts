import type { ImportFormat } from '../framework/format.js';
import { readJsonRecords } from '../framework/json-records.js';
import { isRecord } from '../framework/values.js';
import { normaliseOperation, restActivityFields } from './normalise-operation.js';

function isRestEvent(value: Record<string, unknown>): boolean {
  return 'eventDataId' in value || (isRecord(value['operationName']) && 'value' in value['operationName'] && 'eventTimestamp' in value);
}

/** `az monitor activity-log list` output and the REST API's `{ value: [...] }` pages of Activity-log events. */
export const ACTIVITY_LOG_JSON: ImportFormat = {
  id: 'activity-log-json',
  describes: 'Activity log JSON from az monitor activity-log list or the REST API',
  detect(sniff) {
    return sniff.firstRecord !== null && isRestEvent(sniff.firstRecord);
  },
  read(path, batch) {
    return readJsonRecords(
      path,
      batch,
      async (value, raw, line) => {
        if (!isRecord(value) || !isRestEvent(value)) {
          batch.quarantine(line, 'not an Activity-log event', raw, 'activity');
          return;
        }
        const outcome = normaliseOperation(restActivityFields(value), raw);
        if (outcome.ok) batch.add(outcome.record);
        else batch.quarantine(line, outcome.reason, raw, 'activity');
      },
      'activity',
    );
  },
};
