import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const DOC = 'https://docs.ansible.com/ansible/latest/collections/azure/azcollection/docsite/azure_rm_guide.html';

export const ANSIBLE_RULES: readonly RuleMeta[] = [
  { id: 'ansible/ad-user-password', authMethod: 'user-password', severity: 'error', summary: 'azure.azcollection with ad_user + password: a user signs in with a password, which mandatory MFA blocks.', fix: FIX_BY_METHOD['user-password'], docUrl: DOC },
  { id: 'ansible/client-secret', authMethod: 'workload-secret', severity: 'note', summary: 'azure.azcollection with client_id + secret: a service principal with a client secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: DOC },
  { id: 'ansible/client-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'azure.azcollection with an X.509 certificate: a service principal with a certificate.', fix: FIX_BY_METHOD['workload-certificate'], docUrl: DOC },
  { id: 'ansible/managed-identity', authMethod: 'managed-identity', severity: 'note', summary: 'azure.azcollection with auth_source: msi: a managed identity.', fix: FIX_BY_METHOD['managed-identity'], docUrl: DOC },
  { id: 'ansible/azure-cli', authMethod: 'ambient', severity: 'warning', summary: 'azure.azcollection with auth_source: cli: uses the Azure CLI login on the control node.', fix: FIX_BY_METHOD.ambient, docUrl: DOC },
];
