/**
 * Version 3: `sign_ins` without its primary key. The key's ART index had to stay in memory and was rewritten by
 * every checkpoint, growing with the store: at 1M sign-ins the import peaked at 1.38 GiB and ran at 0.32x raw
 * DuckDB's speed; at 10M it could not fit. The importer now dedupes on (id, kind) in its own INSERT, probing only
 * the batch's time range (zone maps on created_at prune the rest), so memory stays bounded by the batch.
 * The raw record (about 4 KB of JSON, most of the bytes) is zstd-compressed: DuckDB's automatic choice stores strings
 * that long uncompressed, and writing them cost more than everything else the import does (in a store created with
 * storage version 1.2 or later; an older file keeps it uncompressed).
 * The table is recreated (DuckDB cannot drop a primary key in place), its rows copied, and swapped in.
 */
export const MIGRATION_003 = `
CREATE TABLE sign_ins_v3 (
  id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  tenant_id VARCHAR,
  user_id VARCHAR,
  upn VARCHAR,
  user_display_name VARCHAR,
  user_type VARCHAR,
  app_id VARCHAR,
  app_display_name VARCHAR,
  resource_id VARCHAR,
  resource_display_name VARCHAR,
  service_principal_id VARCHAR,
  service_principal_name VARCHAR,
  ip_address VARCHAR,
  asn INTEGER,
  country VARCHAR,
  city VARCHAR,
  client_app_used VARCHAR,
  user_agent VARCHAR,
  is_interactive BOOLEAN NOT NULL,
  authentication_requirement VARCHAR,
  authentication_protocol VARCHAR,
  mfa_satisfied BOOLEAN,
  authentication_steps JSON,
  conditional_access_status VARCHAR,
  applied_policies JSON,
  error_code INTEGER NOT NULL,
  failure_reason VARCHAR,
  additional_details VARCHAR,
  client_credential_type VARCHAR,
  federated_credential_id VARCHAR,
  msi_type VARCHAR,
  associated_resource_id VARCHAR,
  cross_tenant_access_type VARCHAR,
  home_tenant_id VARCHAR,
  resource_tenant_id VARCHAR,
  incoming_token_type VARCHAR,
  raw JSON USING COMPRESSION zstd,
  batch_id VARCHAR
);
INSERT INTO sign_ins_v3 SELECT * FROM sign_ins ORDER BY created_at;
DROP TABLE sign_ins;
ALTER TABLE sign_ins_v3 RENAME TO sign_ins;
`;
