export const apiClientKeys = {
  all: ['api-clients'] as const,
  lists: () => [...apiClientKeys.all, 'list'] as const,
};
