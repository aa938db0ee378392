import type { WecomApi } from './client.ts'
import type { WecomConfig } from './config.ts'

/** What live-mode routes need: the API client, the config, and a nudge for the outbox worker. */
export interface WecomRuntime {
  api: WecomApi
  config: WecomConfig
  /** Wakes the outbox worker after a change was queued or a failure retried. */
  wake: () => void
}
