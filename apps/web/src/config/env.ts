import { z } from 'zod';

// The only reader of import.meta.env: everything else imports `env`.
const EnvSchema = z.object({
  apiBaseUrl: z.string().default('/api/v1'),
  isDev: z.boolean(),
});

export const env = EnvSchema.parse({
  apiBaseUrl: import.meta.env.VITE_API_BASE_URL || undefined,
  isDev: import.meta.env.DEV,
});
