import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { WecomConfig } from '../wecom/config.ts'
import { parseWecomConfig } from '../wecom/config.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

const intVar = (def: number, min: number, max: number) =>
  z.string().regex(/^\d+$/, '应为整数').transform(Number).pipe(z.number().int().min(min).max(max)).default(def)

/** Every setting: one environment variable, a safe default (README "Configuration"). */
const envSchema = z.object({
  PORT: intVar(8787, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(resolve(repoRoot, 'data/app.db')),
  WEB_DIST: z.string().min(1).default(resolve(repoRoot, 'web/dist')),
  SESSION_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  SESSION_TTL_HOURS: intVar(12, 1, 24 * 30),
  PUBLIC_BASE_URL: z.url().optional(),
  RECYCLE_RETENTION_DAYS: intVar(7, 1, 365),
  PERSONAL_TAG_CAP: intVar(200, 1, 10_000),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  WORKERS: intVar(1, 1, 16),
})

export type Config = z.infer<typeof envSchema> & { mode: 'demo' | 'live', wecom?: WecomConfig }

export class ConfigError extends Error {}

/**
 * Reads the configuration; throws a ConfigError naming every malformed variable so the
 * server refuses to start instead of running with a surprise.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(present)
  // Live mode is chosen by setting the WeCom variables; see wecom/config.ts.
  const mode = env.WECOM_CORP_ID ? 'live' : 'demo'
  const live = mode === 'live' ? parseWecomConfig(env) : { issues: [] }
  const lines = [...(parsed.success ? [] : parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`)), ...live.issues]
  if (!parsed.success || lines.length > 0)
    throw new ConfigError(`配置错误 (invalid configuration):\n${[...new Set(lines)].join('\n')}`)
  return { ...parsed.data, mode, ...(live.config ? { wecom: live.config } : {}) }
}

export function webDistExists(config: Config): boolean {
  return existsSync(resolve(config.WEB_DIST, 'index.html'))
}
