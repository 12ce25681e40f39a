export const applicantKeys = {
  all: ['applicant'] as const,
  publicSessions: () => [...applicantKeys.all, 'public-sessions'] as const,
  communes: (postalCode: string) => [...applicantKeys.all, 'communes', postalCode] as const,
};
