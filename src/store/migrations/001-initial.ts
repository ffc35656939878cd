/**
 * Version 1 of the store. Each table keyed on the records' own IDs so that re-importing changes nothing.
 * Times are TIMESTAMP holding UTC. `raw` keeps the original record as JSON text.
 */
export const MIGRATION_001 = `
CREATE TABLE batches (
  batch_id VARCHAR PRIMARY KEY,
  source VARCHAR NOT NULL,
  file VARCHAR,
  format VARCHAR,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  read BIGINT NOT NULL DEFAULT 0,
  stored BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  quarantined BIGINT NOT NULL DEFAULT 0,
  note VARCHAR
);

CREATE TABLE quarantine (
  batch_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line BIGINT,
  reason VARCHAR NOT NULL,
  raw VARCHAR
);

CREATE TABLE identities (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  upn VARCHAR,
  display_name VARCHAR,
  user_type VARCHAR,
  account_enabled BOOLEAN,
  created_at TIMESTAMP,
  password_never_expires BOOLEAN,
  on_premises_sync_enabled BOOLEAN,
  license_count INTEGER,
  app_id VARCHAR,
  service_principal_type VARCHAR,
  app_owner_tenant_id VARCHAR,
  last_sign_in TIMESTAMP,
  last_non_interactive_sign_in TIMESTAMP,
  last_successful_sign_in TIMESTAMP,
  tags VARCHAR[],
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE registration_details (
  user_id VARCHAR PRIMARY KEY,
  upn VARCHAR,
  is_admin BOOLEAN,
  is_mfa_registered BOOLEAN,
  is_mfa_capable BOOLEAN,
  is_passwordless_capable BOOLEAN,
  methods_registered VARCHAR[],
  last_updated TIMESTAMP,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE sign_ins (
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
  raw JSON,
  batch_id VARCHAR,
  PRIMARY KEY (id, kind)
);

CREATE TABLE operations (
  id VARCHAR PRIMARY KEY,
  time TIMESTAMP NOT NULL,
  subscription_id VARCHAR,
  resource_id VARCHAR,
  operation_name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  status VARCHAR,
  sub_status VARCHAR,
  status_code VARCHAR,
  caller VARCHAR,
  caller_object_id VARCHAR,
  caller_app_id VARCHAR,
  caller_upn VARCHAR,
  idtyp VARCHAR,
  appidacr VARCHAR,
  auth_methods VARCHAR,
  mfa BOOLEAN,
  policy_definition_ids VARCHAR,
  category VARCHAR,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE audit_events (
  id VARCHAR PRIMARY KEY,
  time TIMESTAMP NOT NULL,
  category VARCHAR,
  activity VARCHAR,
  operation_type VARCHAR,
  result VARCHAR,
  initiated_by_user_id VARCHAR,
  initiated_by_upn VARCHAR,
  initiated_by_app_id VARCHAR,
  target_ids VARCHAR[],
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE credentials (
  id VARCHAR PRIMARY KEY,
  owner_id VARCHAR NOT NULL,
  owner_kind VARCHAR NOT NULL,
  app_id VARCHAR,
  type VARCHAR NOT NULL,
  key_id VARCHAR,
  display_name VARCHAR,
  start_at TIMESTAMP,
  end_at TIMESTAMP,
  issuer VARCHAR,
  subject VARCHAR,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE role_assignments (
  id VARCHAR PRIMARY KEY,
  principal_id VARCHAR NOT NULL,
  role_definition_id VARCHAR NOT NULL,
  role_name VARCHAR,
  scope VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE conditional_access_policies (
  id VARCHAR PRIMARY KEY,
  display_name VARCHAR,
  state VARCHAR NOT NULL,
  raw JSON NOT NULL,
  batch_id VARCHAR
);

CREATE TABLE named_locations (
  id VARCHAR PRIMARY KEY,
  display_name VARCHAR,
  raw JSON,
  batch_id VARCHAR
);

CREATE TABLE group_members (
  group_id VARCHAR NOT NULL,
  member_id VARCHAR NOT NULL,
  member_type VARCHAR,
  batch_id VARCHAR,
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE scan_findings (
  id VARCHAR PRIMARY KEY,
  root VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  ecosystem VARCHAR NOT NULL,
  auth_method VARCHAR NOT NULL,
  mfa_impact VARCHAR NOT NULL,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  rule VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  fix VARCHAR NOT NULL,
  batch_id VARCHAR
);

CREATE TABLE tenant (
  key VARCHAR PRIMARY KEY,
  value VARCHAR
);
`;
