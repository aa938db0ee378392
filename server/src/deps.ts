import type { Db } from './db/client.ts'
import type { Config } from './lib/config.ts'
import type { DomainHooks } from './services/hooks.ts'

/** What the routes need, built once by index.ts (or a test) and passed to createApp. */
export interface AppDeps {
  db: Db
  config: Config
  sessionSecret: string
  hooks: DomainHooks
}
