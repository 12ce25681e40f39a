import { API_SCOPES } from '@passerelle/domain/api-client/api-client.schema';
import type { TFunction } from 'i18next';

export function apiScopeOptions(t: TFunction) {
  return API_SCOPES.map((scope) => ({ value: scope, label: t(`apiClients.scopes.${scope}`) }));
}
