export const fabriqueKeys = {
  all: ['fabriques'] as const,
  lists: () => [...fabriqueKeys.all, 'list'] as const,
  list: () => [...fabriqueKeys.lists(), 'pages'] as const,
  choices: () => [...fabriqueKeys.lists(), 'choices'] as const,
  details: () => [...fabriqueKeys.all, 'detail'] as const,
  detail: (id: string) => [...fabriqueKeys.details(), id] as const,
};
