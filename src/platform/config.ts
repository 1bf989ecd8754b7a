import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

/** Read and validated once, at a composition root (CLI or server), then passed in. Modules never read env. */
export const configSchema = z.object({
  dbPath: z.string().min(1),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Folder with the shared reference data (wpp2019-china, csco2022, fred-md). */
  sharedDataDir: z.string().min(1),
  /** Versioned policy parameter files. */
  policyDir: z.string().min(1),
  /** Where built console assets are served from. */
  webDistDir: z.string().min(1),
  threads: z.coerce.number().int().min(1).max(256).optional(),
  memoryLimit: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

const projectRoot = resolve(new URL('../..', import.meta.url).pathname);

export function readConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const raw = {
    dbPath: env.RENSHE_DB ?? resolve(projectRoot, '.renshe/renshe.duckdb'),
    host: env.RENSHE_HOST,
    port: env.RENSHE_PORT,
    sharedDataDir: env.RENSHE_SHARED_DATA ?? resolve(projectRoot, '../shared/data'),
    policyDir: env.RENSHE_POLICY_DIR ?? resolve(projectRoot, 'data/policy'),
    webDistDir: env.RENSHE_WEB_DIST ?? resolve(projectRoot, 'web/dist'),
    threads: env.RENSHE_THREADS,
    memoryLimit: env.RENSHE_MEMORY_LIMIT,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', {
      zh: `配置无效：${parsed.error.message}。请检查 RENSHE_* 环境变量。`,
      en: `Invalid configuration: ${parsed.error.message}. Check the RENSHE_* environment variables.`,
    });
  }
  return parsed.data;
}

export { projectRoot };
