/**
 * Version 7: live collection. New tables only, so it stands apart from 005 and 006.
 * - `collect_runs`: one row per `collect`: its window, where it read from, and whether it finished complete.
 * - `collect_checkpoints`: per endpoint and scope (a sign-in window, a subscription, a shard of a pushdown), how far a
 *   collection got: `complete`; `partial`, with the next link to resume from; or `missing`, with the reason (a missing
 *   permission, retries that ran out) and what the analysis loses (`affects`). A re-run continues from here, and the
 *   analysis reads the gaps to call the identities they touch unknown instead of judging them on half the data. A
 *   `provisional` window ended too recently for every late sign-in to have arrived: complete, but walked again next run.
 *   `began_at` is when the current walk started: a full listing, once complete, drops the rows no batch of that walk wrote
 *   (objects deleted in the tenant since the last run).
 * - `policy_states`: compliance of resources with the MFA Azure Policy definitions (Policy Insights).
 * - `pushed_features`: per principal, the sign-in and Activity-log halves of the feature row as a Kusto engine computed
 *   them (`collect --from-log-analytics`/`--from-adx`): the same columns the feature query takes from the sign-in
 *   summary and the Activity-log aggregate, so a pushed-down tenant is analysed by the same SQL.
 */
export const MIGRATION_007 = `
CREATE TABLE collect_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  window_start TIMESTAMP NOT NULL,
  window_end TIMESTAMP NOT NULL,
  source VARCHAR NOT NULL,
  cloud VARCHAR,
  status VARCHAR NOT NULL
);

CREATE TABLE collect_checkpoints (
  endpoint VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  state VARCHAR NOT NULL,
  next_link VARCHAR,
  delta_link VARCHAR,
  rows BIGINT NOT NULL DEFAULT 0,
  pages BIGINT NOT NULL DEFAULT 0,
  reason VARCHAR,
  affects VARCHAR NOT NULL,
  provisional BOOLEAN NOT NULL DEFAULT false,
  began_at TIMESTAMP,
  run_id VARCHAR,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (endpoint, scope)
);

CREATE TABLE policy_states (
  id VARCHAR PRIMARY KEY,
  time TIMESTAMP,
  subscription_id VARCHAR,
  resource_id VARCHAR,
  policy_definition_id VARCHAR,
  policy_assignment_id VARCHAR,
  compliance_state VARCHAR,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE pushed_features (
  pid VARCHAR PRIMARY KEY,
  pkind VARCHAR NOT NULL,
  upn VARCHAR,
  user_display_name VARCHAR,
  sp_name VARCHAR,
  user_type VARCHAR,
  sp_app_id VARCHAR,
  first_seen TIMESTAMP,
  last_seen TIMESTAMP,
  sign_ins INTEGER NOT NULL,
  sign_in_block VARCHAR NOT NULL,
  ok_ips VARCHAR[] NOT NULL,
  operations INTEGER NOT NULL,
  writes INTEGER NOT NULL,
  deletes INTEGER NOT NULL,
  actions INTEGER NOT NULL,
  ops_mfa INTEGER NOT NULL,
  ops_no_mfa INTEGER NOT NULL,
  ops_mfa_unknown INTEGER NOT NULL,
  ops_no_mfa_first TIMESTAMP,
  ops_no_mfa_last TIMESTAMP,
  ops_no_mfa_names JSON NOT NULL,
  last_operation TIMESTAMP,
  policy_denied INTEGER NOT NULL,
  policy_denied_first TIMESTAMP,
  policy_denied_last TIMESTAMP,
  policy_denied_definitions VARCHAR[] NOT NULL,
  policy_audits INTEGER NOT NULL,
  policy_audit_first TIMESTAMP,
  policy_audit_last TIMESTAMP,
  batch_id VARCHAR
);
`;
