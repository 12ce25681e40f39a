export const applicantKeys = {
  all: ['applicant'] as const,
  publicSessions: () => [...applicantKeys.all, 'public-sessions'] as const,
};
