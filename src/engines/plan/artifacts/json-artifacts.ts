import type { ArtifactFile, ArtifactInput } from './artifact-input.js';
import { credentialName, customRoleActions, FEDERATION_AUDIENCE } from './artifact-input.js';

/**
 * The custom role as `az role definition create --role-definition @custom-role.json` takes it, and each federated
 * credential as `az ad app federated-credential create --parameters @…json` takes it (Microsoft's documented shapes;
 * json-schemas.ts has the schemas the tests validate them against).
 */
export function jsonArtifacts(input: ArtifactInput): ArtifactFile[] {
  const files: ArtifactFile[] = [];
  const custom = input.plan.leastPrivilege?.custom;
  if (custom) {
    const role = {
      Name: custom.name,
      IsCustom: true,
      Description: `Exactly what ${input.account} did in the Activity log (${custom.observed.reduce((sum, entry) => sum + entry.count, 0)} operations), for the identity that replaces it.`,
      Actions: customRoleActions(input.plan),
      NotActions: [],
      DataActions: [],
      NotDataActions: [],
      AssignableScopes: custom.assignableScopes,
    };
    files.push({ path: 'custom-role.json', content: `${JSON.stringify(role, null, 2)}\n` });
  }
  input.plan.target.subjects.forEach((subject, index) => {
    if (subject.subject === null) return;
    const credential = { name: credentialName(subject.subject, index), issuer: subject.issuer, subject: subject.subject, description: `Replaces ${input.account}: ${subject.from}`, audiences: [FEDERATION_AUDIENCE] };
    files.push({ path: `federated-credential-${index + 1}.json`, content: `${JSON.stringify(credential, null, 2)}\n` });
  });
  return files;
}
