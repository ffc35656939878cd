/**
 * Version 2: app registrations. Their federated, password and certificate credentials land in `credentials`
 * (owner_kind 'application'); this table keeps the application itself so an import of /applications
 * counts and stores each record, including apps with no credentials.
 */
export const MIGRATION_002 = `
CREATE TABLE applications (
  id VARCHAR PRIMARY KEY,
  app_id VARCHAR,
  display_name VARCHAR,
  sign_in_audience VARCHAR,
  raw JSON,
  batch_id VARCHAR
);
`;
