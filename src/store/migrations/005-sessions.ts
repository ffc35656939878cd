import { credentialSql, mfaMethodSql, storedStepsSql } from '../sign-in-mfa-sql.js';

/**
 * Version 5: what links a sign-in to its session, and what the what-if evaluator and the session rules need.
 * - sign_ins gains the session (`session_id`), what else links a refresh to its origin (`correlation_id`,
 *   `unique_token_identifier`), when the log wrote this version of the record (`logged_at`: a sign-in is re-sent when
 *   steps are appended or risk is evaluated later, and the latest version wins), whether the record presents a
 *   credential (`credential`), the method that satisfied MFA on it (`mfa_method`), the device and risk fields Conditional
 *   Access conditions read, and `mfa_basis`: how the sign-in's MFA is known (its own record, its session, or neither).
 * - `sign_in_sessions`: per user and session, when the session was first seen, began with a credential, first completed
 *   MFA, and what its sign-ins were resolved to (appended per batch, merged when an import ends, like the cells).
 * - `sign_in_cells` gains `basis` (mfa_basis as a dimension); the rollup version changes with it, so the cells are
 *   rebuilt, and every stored sign-in resolved, when the store is next opened for writing.
 * - batches count `updated` sign-ins (a later version merged) apart from true duplicates.
 * - identities gain the directory attributes a person has (job title, department, manager).
 * Stored sign-ins get their session and links from their raw record (diagnostic, Graph and Log Analytics shapes); the
 * device and risk fields stay NULL until those files are imported again.
 */
const STEPS = storedStepsSql('authentication_steps');

function rawText(...paths: string[]): string {
  return `coalesce(${paths.map((path) => `nullif(trim(json_extract_string(raw, '${path}')), '')`).join(', ')})`;
}

export const MIGRATION_005 = `
ALTER TABLE sign_ins ADD COLUMN session_id VARCHAR;
ALTER TABLE sign_ins ADD COLUMN correlation_id VARCHAR;
ALTER TABLE sign_ins ADD COLUMN unique_token_identifier VARCHAR;
ALTER TABLE sign_ins ADD COLUMN logged_at TIMESTAMP;
ALTER TABLE sign_ins ADD COLUMN credential BOOLEAN;
ALTER TABLE sign_ins ADD COLUMN mfa_method VARCHAR;
ALTER TABLE sign_ins ADD COLUMN device_id VARCHAR;
ALTER TABLE sign_ins ADD COLUMN device_os VARCHAR;
ALTER TABLE sign_ins ADD COLUMN device_browser VARCHAR;
ALTER TABLE sign_ins ADD COLUMN device_compliant BOOLEAN;
ALTER TABLE sign_ins ADD COLUMN device_managed BOOLEAN;
ALTER TABLE sign_ins ADD COLUMN device_trust_type VARCHAR;
ALTER TABLE sign_ins ADD COLUMN risk_level_sign_in VARCHAR;
ALTER TABLE sign_ins ADD COLUMN risk_level_aggregated VARCHAR;
ALTER TABLE sign_ins ADD COLUMN risk_state VARCHAR;
ALTER TABLE sign_ins ADD COLUMN mfa_basis VARCHAR;

UPDATE sign_ins SET
  session_id = lower(${rawText('$.properties.sessionId', '$.sessionId', '$.SessionId', '$."Session ID"')}),
  correlation_id = lower(${rawText('$.properties.correlationId', '$.correlationId', '$.CorrelationId', '$."Correlation ID"')}),
  unique_token_identifier = ${rawText('$.properties.uniqueTokenIdentifier', '$.uniqueTokenIdentifier', '$.UniqueTokenIdentifier', '$."Unique token identifier"')},
  logged_at = CAST(timezone('UTC', try_cast(${rawText('$.TimeGenerated', '$."TimeGenerated [UTC]"', '$.time')} AS TIMESTAMPTZ)) AS TIMESTAMP),
  credential = ${credentialSql(STEPS, 'authentication_protocol')},
  mfa_method = ${mfaMethodSql(STEPS, 'additional_details')};

CREATE TABLE sign_in_sessions (
  pid VARCHAR NOT NULL,
  session_id VARCHAR NOT NULL,
  n INTEGER NOT NULL,
  first_at TIMESTAMP NOT NULL,
  start_at TIMESTAMP,
  start_app VARCHAR,
  mfa_at TIMESTAMP,
  mfa_sign_in_id VARCHAR,
  mfa_app VARCHAR,
  mfa_method VARCHAR,
  covered INTEGER NOT NULL,
  covered_last TIMESTAMP,
  single_refreshes INTEGER NOT NULL,
  single_refresh_last TIMESTAMP,
  untraced INTEGER NOT NULL,
  untraced_last TIMESTAMP,
  open_last TIMESTAMP,
  targets STRUCT(app_id VARCHAR, resource_id VARCHAR)[] NOT NULL
);

ALTER TABLE sign_in_cells ADD COLUMN basis VARCHAR;
ALTER TABLE batches ADD COLUMN updated BIGINT DEFAULT 0;
ALTER TABLE identities ADD COLUMN job_title VARCHAR;
ALTER TABLE identities ADD COLUMN department VARCHAR;
ALTER TABLE identities ADD COLUMN manager_id VARCHAR;
`;
