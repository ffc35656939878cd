/**
 * Version 4: sign-in rollups (see src/store/rollups/sign-in-rollup-sql.ts), the summary analyze reads instead of every
 * sign-in, and `derived_tables`, which records the definition each derived table was built with and how many source rows it
 * covers. The tables are
 * created empty; the store fills them from sign_ins on open whenever the recorded version differs from the code's.
 */
export const MIGRATION_004 = `
CREATE TABLE sign_in_cells (
  pid VARCHAR NOT NULL,
  pkind VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  app_id VARCHAR,
  resource_id VARCHAR,
  error_code INTEGER NOT NULL,
  mfa BOOLEAN,
  protocol VARCHAR,
  asn INTEGER,
  country VARCHAR,
  user_agent VARCHAR,
  guest BOOLEAN NOT NULL,
  private BOOLEAN NOT NULL,
  upn VARCHAR,
  user_display_name VARCHAR,
  sp_name VARCHAR,
  user_type VARCHAR,
  app_name VARCHAR,
  resource_name VARCHAR,
  n INTEGER NOT NULL,
  first TIMESTAMP NOT NULL,
  last TIMESTAMP NOT NULL
);
CREATE TABLE sign_in_profiles (
  pid VARCHAR NOT NULL,
  pkind VARCHAR NOT NULL,
  hours INTEGER[] NOT NULL,
  hour_of_week INTEGER[] NOT NULL,
  ok_ips VARCHAR[] NOT NULL,
  active_hours INTEGER NOT NULL,
  active_days INTEGER NOT NULL,
  hours_of_day INTEGER NOT NULL,
  gap_median DOUBLE,
  gap_cv DOUBLE,
  regular_share DOUBLE,
  distinct_ips INTEGER NOT NULL
);
CREATE TABLE derived_tables (
  name VARCHAR PRIMARY KEY,
  version INTEGER NOT NULL,
  covered BIGINT NOT NULL,
  compacted BOOLEAN NOT NULL,
  built_at TIMESTAMP NOT NULL
);
`;
