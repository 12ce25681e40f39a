import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const API_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.url().optional(),
    DATA_DIR: z.string().default(path.join(API_ROOT, '.data')),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must have at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    COOKIE_SECURE: booleanString.default(true),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    TRUST_PROXY: booleanString.default(false),
    REDIS_URL: z.url().optional(),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
    DEMO_PASSWORD: z.string().min(12).default('passerelle-demo'),
    WEBHOOK_WORKER: z.enum(['on', 'off']).default('on'),
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanString.default(false),
    WEBHOOK_RETRY_BASE_DELAY_MS: z.coerce.number().int().min(10).optional(),
    WEBHOOK_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).optional(),
    WEB_DIST_DIR: z.string().default(path.resolve(API_ROOT, '../web/dist')),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'JWT_SECRET is required in production with DATABASE_URL (every instance must share it)',
      });
    }
  });

export type Config = z.infer<typeof EnvSchema>;

/** The only place that reads process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Defaults for tests and tools: the same schema, without reading the environment. */
export function createConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

export const API_ROOT_DIR = API_ROOT;
