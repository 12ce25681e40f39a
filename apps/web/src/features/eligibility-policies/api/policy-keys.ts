export const policyKeys = {
  all: ['eligibility-policies'] as const,
  lists: () => [...policyKeys.all, 'list'] as const,
  list: () => [...policyKeys.lists(), 'all'] as const,
  details: () => [...policyKeys.all, 'detail'] as const,
  detail: (id: string) => [...policyKeys.details(), id] as const,
  versions: (id: string) => [...policyKeys.detail(id), 'versions'] as const,
};
