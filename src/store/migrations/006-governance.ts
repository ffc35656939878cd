/**
 * Version 6: governance over time.
 * - `snapshots`: each analysis run (analyze, check, demo) with its time, what it read (a digest of the batches, the scan
 *   findings, the policy file and the options) and the policy file itself, the record of who decided what;
 *   `snapshot_identities` and `snapshot_automation`: per identity its class, verdict, breaksOn, owner, exception,
 *   retirement and plan stage, and per breaking place in code its owner and the exception covering it. What `diff`
 *   compares and `check` takes as its baseline.
 * - `directory_owners`: the owners Graph lists for app registrations and service principals (`$expand=owners`), the
 *   first evidence `unattended init` offers for who owns a workload; filled from what is already stored.
 * - `identities.manager_id` (added by version 5) is filled from the stored users' `manager` expansion.
 */
export const MIGRATION_006 = `
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  taken_at TIMESTAMP NOT NULL,
  command VARCHAR NOT NULL,
  as_of TIMESTAMP NOT NULL,
  tenant_id VARCHAR,
  phase1 DATE,
  phase2 DATE,
  inputs_digest VARCHAR NOT NULL,
  policy_path VARCHAR,
  policy_text VARCHAR,
  has_store BOOLEAN NOT NULL,
  identity_count INTEGER NOT NULL,
  automation_count INTEGER NOT NULL,
  gate_problems INTEGER
);

CREATE TABLE snapshot_identities (
  snapshot_id INTEGER NOT NULL,
  id VARCHAR NOT NULL,
  upn VARCHAR,
  display_name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  class VARCHAR NOT NULL,
  verdict VARCHAR NOT NULL,
  breaks_on DATE,
  owner_team VARCHAR,
  owner_match VARCHAR,
  exception_state VARCHAR,
  exception_expires DATE,
  exception_approver VARCHAR,
  retired_on DATE,
  retired_active BOOLEAN,
  last_activity TIMESTAMP,
  plan_stage VARCHAR,
  breaking_automation VARCHAR[] NOT NULL
);

CREATE TABLE snapshot_automation (
  snapshot_id INTEGER NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  rule VARCHAR NOT NULL,
  auth_method VARCHAR NOT NULL,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  owner_team VARCHAR,
  owner_match VARCHAR,
  excepted_by VARCHAR,
  exception_state VARCHAR
);

CREATE TABLE directory_owners (
  object_id VARCHAR NOT NULL,
  object_kind VARCHAR NOT NULL,
  owner_id VARCHAR NOT NULL,
  owner_upn VARCHAR,
  owner_display_name VARCHAR,
  owner_type VARCHAR,
  batch_id VARCHAR,
  PRIMARY KEY (object_id, owner_id)
);

INSERT OR IGNORE INTO directory_owners
SELECT object_id, object_kind, lower(json_extract_string(o, '$.id')), lower(json_extract_string(o, '$.userPrincipalName')),
       json_extract_string(o, '$.displayName'), replace(json_extract_string(o, '$."@odata.type"'), '#microsoft.graph.', ''), batch_id
FROM (
  SELECT id AS object_id, 'application' AS object_kind, unnest(from_json(json_extract(raw, '$.owners'), '["JSON"]')) AS o, batch_id
  FROM applications WHERE json_type(json_extract(raw, '$.owners')) = 'ARRAY'
  UNION ALL
  SELECT id, kind, unnest(from_json(json_extract(raw, '$.owners'), '["JSON"]')), batch_id
  FROM identities WHERE kind <> 'user' AND json_type(json_extract(raw, '$.owners')) = 'ARRAY'
)
WHERE json_extract_string(o, '$.id') IS NOT NULL;

UPDATE identities SET manager_id = lower(json_extract_string(raw, '$.manager.id'))
WHERE kind = 'user' AND manager_id IS NULL AND json_extract_string(raw, '$.manager.id') IS NOT NULL;
`;
