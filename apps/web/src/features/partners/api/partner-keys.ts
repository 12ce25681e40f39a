import type { PartnersSearch } from './partner-search';

export const partnerKeys = {
  all: ['partners'] as const,
  lists: () => [...partnerKeys.all, 'list'] as const,
  list: (filters: PartnersSearch) => [...partnerKeys.lists(), filters] as const,
  detail: (id: string) => [...partnerKeys.all, 'detail', id] as const,
  links: (id: string) => [...partnerKeys.detail(id), 'links'] as const,
  proposals: (offerId: string) => [...partnerKeys.all, 'offer', offerId, 'proposals'] as const,
  learners: (fabriqueId: string) => [...partnerKeys.all, 'learners', fabriqueId] as const,
};
