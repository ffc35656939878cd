/**
 * Column specs of the tables importers write, in the order of the CREATE TABLE statements.
 * The row writer stages values as text and casts them here, in one place.
 */
export type ColumnType = 'text' | 'int' | 'bigint' | 'bool' | 'date' | 'timestamp' | 'json' | 'text[]';

export interface TableSpec {
  table: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
  /** Set on a table with no primary key (it would not fit in memory): the columns a row is deduped on by the writer. */
  unkeyedKey?: readonly string[];
}

export const SIGN_INS: TableSpec = {
  table: 'sign_ins',
  columns: [
    ['id', 'text'], ['kind', 'text'], ['created_at', 'timestamp'], ['tenant_id', 'text'], ['user_id', 'text'], ['upn', 'text'],
    ['user_display_name', 'text'], ['user_type', 'text'], ['app_id', 'text'], ['app_display_name', 'text'], ['resource_id', 'text'],
    ['resource_display_name', 'text'], ['service_principal_id', 'text'], ['service_principal_name', 'text'], ['ip_address', 'text'],
    ['asn', 'int'], ['country', 'text'], ['city', 'text'], ['client_app_used', 'text'], ['user_agent', 'text'], ['is_interactive', 'bool'],
    ['authentication_requirement', 'text'], ['authentication_protocol', 'text'], ['mfa_satisfied', 'bool'], ['authentication_steps', 'json'],
    ['conditional_access_status', 'text'], ['applied_policies', 'json'], ['error_code', 'int'], ['failure_reason', 'text'],
    ['additional_details', 'text'], ['client_credential_type', 'text'], ['federated_credential_id', 'text'], ['msi_type', 'text'],
    ['associated_resource_id', 'text'], ['cross_tenant_access_type', 'text'], ['home_tenant_id', 'text'], ['resource_tenant_id', 'text'],
    ['incoming_token_type', 'text'], ['raw', 'json'], ['batch_id', 'text'],
    ['session_id', 'text'], ['correlation_id', 'text'], ['unique_token_identifier', 'text'], ['logged_at', 'timestamp'], ['credential', 'bool'],
    ['mfa_method', 'text'], ['device_id', 'text'], ['device_os', 'text'], ['device_browser', 'text'], ['device_compliant', 'bool'],
    ['device_managed', 'bool'], ['device_trust_type', 'text'], ['risk_level_sign_in', 'text'], ['risk_level_aggregated', 'text'], ['risk_state', 'text'],
    ['mfa_basis', 'text'],
  ],
  unkeyedKey: ['id', 'created_at'],
};

export const IDENTITIES: TableSpec = {
  table: 'identities',
  columns: [
    ['id', 'text'], ['kind', 'text'], ['upn', 'text'], ['display_name', 'text'], ['user_type', 'text'], ['account_enabled', 'bool'],
    ['created_at', 'timestamp'], ['password_never_expires', 'bool'], ['on_premises_sync_enabled', 'bool'], ['license_count', 'int'],
    ['app_id', 'text'], ['service_principal_type', 'text'], ['app_owner_tenant_id', 'text'], ['last_sign_in', 'timestamp'],
    ['last_non_interactive_sign_in', 'timestamp'], ['last_successful_sign_in', 'timestamp'], ['tags', 'text[]'], ['raw', 'json'], ['batch_id', 'text'],
    ['job_title', 'text'], ['department', 'text'], ['manager_id', 'text'],
  ],
};

export const REGISTRATION_DETAILS: TableSpec = {
  table: 'registration_details',
  columns: [
    ['user_id', 'text'], ['upn', 'text'], ['is_admin', 'bool'], ['is_mfa_registered', 'bool'], ['is_mfa_capable', 'bool'],
    ['is_passwordless_capable', 'bool'], ['methods_registered', 'text[]'], ['last_updated', 'timestamp'], ['raw', 'json'], ['batch_id', 'text'],
  ],
};

export const OPERATIONS: TableSpec = {
  table: 'operations',
  columns: [
    ['id', 'text'], ['time', 'timestamp'], ['subscription_id', 'text'], ['resource_id', 'text'], ['operation_name', 'text'], ['kind', 'text'],
    ['status', 'text'], ['sub_status', 'text'], ['status_code', 'text'], ['caller', 'text'], ['caller_object_id', 'text'], ['caller_app_id', 'text'],
    ['caller_upn', 'text'], ['idtyp', 'text'], ['appidacr', 'text'], ['auth_methods', 'text'], ['mfa', 'bool'], ['policy_definition_ids', 'text'],
    ['category', 'text'], ['raw', 'json'], ['batch_id', 'text'],
  ],
};

export const AUDIT_EVENTS: TableSpec = {
  table: 'audit_events',
  columns: [
    ['id', 'text'], ['time', 'timestamp'], ['category', 'text'], ['activity', 'text'], ['operation_type', 'text'], ['result', 'text'],
    ['initiated_by_user_id', 'text'], ['initiated_by_upn', 'text'], ['initiated_by_app_id', 'text'], ['target_ids', 'text[]'], ['raw', 'json'], ['batch_id', 'text'],
  ],
};

export const CREDENTIALS: TableSpec = {
  table: 'credentials',
  columns: [
    ['id', 'text'], ['owner_id', 'text'], ['owner_kind', 'text'], ['app_id', 'text'], ['type', 'text'], ['key_id', 'text'], ['display_name', 'text'],
    ['start_at', 'timestamp'], ['end_at', 'timestamp'], ['issuer', 'text'], ['subject', 'text'], ['raw', 'json'], ['batch_id', 'text'],
  ],
};

export const APPLICATIONS: TableSpec = {
  table: 'applications',
  columns: [['id', 'text'], ['app_id', 'text'], ['display_name', 'text'], ['sign_in_audience', 'text'], ['raw', 'json'], ['batch_id', 'text']],
};

export const ROLE_ASSIGNMENTS: TableSpec = {
  table: 'role_assignments',
  columns: [['id', 'text'], ['principal_id', 'text'], ['role_definition_id', 'text'], ['role_name', 'text'], ['scope', 'text'], ['source', 'text'], ['raw', 'json'], ['batch_id', 'text']],
};

export const CONDITIONAL_ACCESS_POLICIES: TableSpec = {
  table: 'conditional_access_policies',
  columns: [['id', 'text'], ['display_name', 'text'], ['state', 'text'], ['raw', 'json'], ['batch_id', 'text']],
};

export const NAMED_LOCATIONS: TableSpec = {
  table: 'named_locations',
  columns: [['id', 'text'], ['display_name', 'text'], ['raw', 'json'], ['batch_id', 'text']],
};

export const GROUP_MEMBERS: TableSpec = {
  table: 'group_members',
  columns: [['group_id', 'text'], ['member_id', 'text'], ['member_type', 'text'], ['batch_id', 'text']],
};

export const SCAN_FINDINGS: TableSpec = {
  table: 'scan_findings',
  columns: [
    ['id', 'text'], ['root', 'text'], ['file', 'text'], ['line', 'int'], ['col', 'int'], ['ecosystem', 'text'], ['auth_method', 'text'],
    ['mfa_impact', 'text'], ['identity_kind', 'text'], ['identity_value', 'text'], ['rule', 'text'], ['message', 'text'], ['fix', 'text'], ['batch_id', 'text'],
  ],
};

/** Owners of app registrations and service principals (Graph `$expand=owners`), migration 006. */
export const DIRECTORY_OWNERS: TableSpec = {
  table: 'directory_owners',
  columns: [['object_id', 'text'], ['object_kind', 'text'], ['owner_id', 'text'], ['owner_upn', 'text'], ['owner_display_name', 'text'], ['owner_type', 'text'], ['batch_id', 'text']],
};

export const POLICY_STATES: TableSpec = {
  table: 'policy_states',
  columns: [
    ['id', 'text'], ['time', 'timestamp'], ['subscription_id', 'text'], ['resource_id', 'text'], ['policy_definition_id', 'text'],
    ['policy_assignment_id', 'text'], ['compliance_state', 'text'], ['raw', 'json'], ['batch_id', 'text'],
  ],
};

/** Feature halves computed by a Kusto engine (collect --from-log-analytics / --from-adx), one row per principal. */
export const PUSHED_FEATURES: TableSpec = {
  table: 'pushed_features',
  columns: [
    ['pid', 'text'], ['pkind', 'text'], ['upn', 'text'], ['user_display_name', 'text'], ['sp_name', 'text'], ['user_type', 'text'], ['sp_app_id', 'text'],
    ['first_seen', 'timestamp'], ['last_seen', 'timestamp'], ['sign_ins', 'int'], ['sign_in_block', 'text'], ['ok_ips', 'text[]'], ['operations', 'int'],
    ['writes', 'int'], ['deletes', 'int'], ['actions', 'int'], ['ops_mfa', 'int'], ['ops_no_mfa', 'int'], ['ops_mfa_unknown', 'int'],
    ['ops_no_mfa_first', 'timestamp'], ['ops_no_mfa_last', 'timestamp'], ['ops_no_mfa_names', 'json'], ['last_operation', 'timestamp'],
    ['policy_denied', 'int'], ['policy_denied_first', 'timestamp'], ['policy_denied_last', 'timestamp'], ['policy_denied_definitions', 'text[]'],
    ['policy_audits', 'int'], ['policy_audit_first', 'timestamp'], ['policy_audit_last', 'timestamp'], ['batch_id', 'text'],
  ],
};
