import type { Db } from './db/client.ts'
import type { Config } from './lib/config.ts'
import type { DomainHooks } from './services/hooks.ts'
import type { WecomRuntime } from './wecom/runtime.ts'

/** What the routes need, built once by index.ts (or a test) and passed to createApp. */
export interface AppDeps {
  db: Db
  config: Config
  sessionSecret: string
  hooks: DomainHooks
  /** Live mode only: the WeCom client and its config (wecom/runtime.ts). */
  wecom?: WecomRuntime
}
