import { z } from 'zod'

const intVar = (def: number, min: number, max: number) =>
  z.string().regex(/^\d+$/, '应为整数').transform(Number).pipe(z.number().int().min(min).max(max)).default(def)

/**
 * Live mode's variables (chosen by setting WECOM_CORP_ID). Everything WeCom needs is
 * required then; the API bases default to WeCom's own hosts and are overridden to point
 * the app at the emulator.
 */
const liveSchema = z.object({
  WECOM_CORP_ID: z.string().regex(/^[\w-]{4,64}$/, '应为企业 ID（字母数字）'),
  WECOM_AGENT_ID: z.string({ error: '缺失' }).regex(/^\d+$/, '应为数字应用 ID'),
  WECOM_SECRET: z.string({ error: '缺失' }).min(8, '至少 8 个字符'),
  WECOM_CALLBACK_TOKEN: z.string({ error: '缺失' }).regex(/^[A-Za-z0-9]{1,32}$/, '应为 1–32 位字母数字'),
  WECOM_ENCODING_AES_KEY: z.string({ error: '缺失' }).regex(/^[A-Za-z0-9]{43}$/, '应为 43 位字母数字'),
  SESSION_SECRET: z.string({ error: '缺失' }).min(32, '至少 32 个字符'),
  PUBLIC_BASE_URL: z.url({ error: '缺失或不是 URL' }),
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com/cgi-bin'),
  WECOM_OAUTH_BASE: z.url().default('https://open.weixin.qq.com/connect/oauth2/authorize'),
  WECOM_TIMEOUT_MS: intVar(10_000, 100, 120_000),
  /** croner pattern for the tag-library pull; every 15 minutes by default. */
  WECOM_SYNC_CRON: z.string().min(9).default('*/15 * * * *'),
  WECOM_OUTBOX_CONCURRENCY: intVar(8, 1, 64),
  WECOM_OUTBOX_MAX_ATTEMPTS: intVar(8, 1, 100),
  /** First retry delay; doubles per attempt (with jitter) up to 10 minutes. */
  WECOM_OUTBOX_BACKOFF_MS: intVar(1000, 1, 600_000),
  /** A 'running' row older than this belongs to a dead worker and is claimed again. */
  WECOM_OUTBOX_LEASE_MS: intVar(60_000, 100, 3_600_000),
  /** Callbacks older or newer than this are refused as replays. */
  WECOM_CALLBACK_WINDOW_S: intVar(300, 10, 86_400),
  /** 1 = create the demo company's org chart and tags at first start (the emulated setup only). */
  WECOM_SEED_DEMO: z.enum(['0', '1']).default('0'),
})

export type WecomConfig = z.infer<typeof liveSchema>

/** Issues for every missing or malformed live variable, as `NAME: message` lines. */
export function parseWecomConfig(env: Record<string, string | undefined>): { config?: WecomConfig, issues: string[] } {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = liveSchema.safeParse(present)
  if (parsed.success) return { config: parsed.data, issues: [] }
  return { issues: parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`) }
}
