import { API_SCOPES, type ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import type { TFunction } from 'i18next';

// i18next reads ':' as a namespace separator: the locale keys spell scopes with '_'.
const SCOPE_LABEL_KEYS = {
  'candidacies:read': 'apiClients.scopes.candidacies_read',
  'candidacies:write': 'apiClients.scopes.candidacies_write',
  'sessions:read': 'apiClients.scopes.sessions_read',
  'placements:read': 'apiClients.scopes.placements_read',
  'placements:write': 'apiClients.scopes.placements_write',
  'reports:read': 'apiClients.scopes.reports_read',
  'partners:read': 'apiClients.scopes.partners_read',
  'webhooks:manage': 'apiClients.scopes.webhooks_manage',
} as const satisfies Record<ApiScope, string>;

export function apiScopeOptions(t: TFunction) {
  return API_SCOPES.map((scope) => ({ value: scope, label: t(SCOPE_LABEL_KEYS[scope]) }));
}
