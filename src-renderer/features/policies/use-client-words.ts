/** "All clients", or the names of the apps a policy is assigned to (by client id, as the API stores them). */
import { ALL_CLIENTS } from '../../../src-main/contracts/policy.js';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { usePickerApps } from './use-policies.js';

export function useClientWords() {
  const apps = usePickerApps();
  const labels = new Map(apps.map((app) => [app.credentials.oauthClient.client_id, app.label]));
  return (policy: PolicyDto): string => {
    const include = policy.conditions.clients.include;
    if (include.includes(ALL_CLIENTS)) return 'All clients';
    return include.map((clientId) => labels.get(clientId) ?? clientId).join(', ');
  };
}
