import type { Db } from '../db/client.ts'
import type { Config } from '../lib/config.ts'
import type { DomainHooks } from '../services/hooks.ts'
import type { WecomApi } from './client.ts'
import type { WecomRuntime } from './runtime.ts'
import { Cron } from 'croner'
import { createWecomClient } from './client.ts'
import { customerSyncState, enqueueCorporateChange } from './outbox.ts'
import { enqueueLibraryChange } from './outbox-library.ts'
import { startOutboxWorker } from './outbox-worker.ts'
import { syncCustomers } from './sync-customers.ts'
import { syncTagLibrary } from './sync-tags.ts'

export interface LiveMode {
  runtime: WecomRuntime
  hooks: DomainHooks
  /** The first sync (tag library, then customers); resolves even when WeCom failed. */
  firstSync: Promise<void>
  stop: () => Promise<void>
}

/**
 * Everything live mode runs beside the HTTP app: the client, the hooks that queue
 * corporate changes, the outbox worker, and the tag/customer sync on start and on a
 * schedule. `api` is replaceable for tests (STYLE §22).
 */
export function startLiveMode(db: Db, config: Config, api?: WecomApi, opts: { background?: boolean } = {}): LiveMode {
  const wecom = config.wecom
  if (!wecom) throw new Error('live mode needs config.wecom')
  const client = api ?? createWecomClient(wecom)
  // With several HTTP processes (WORKERS), only one runs the worker and the sync; the
  // others only queue, and the worker's idle poll picks their rows up within a second.
  const background = opts.background ?? true
  const worker = background
    ? startOutboxWorker(db, client, {
        concurrency: wecom.WECOM_OUTBOX_CONCURRENCY,
        maxAttempts: wecom.WECOM_OUTBOX_MAX_ATTEMPTS,
        backoffMs: wecom.WECOM_OUTBOX_BACKOFF_MS,
        leaseMs: wecom.WECOM_OUTBOX_LEASE_MS,
      })
    : { wake: () => {}, stop: async () => {} }
  const hooks: DomainHooks = {
    onCorporateChange: (tx, change) => {
      enqueueCorporateChange(tx, change)
      // The caller's transaction commits synchronously; the worker looks on the next tick.
      setImmediate(worker.wake)
    },
    syncState: (tx, externalUserId) => customerSyncState(tx, externalUserId),
    // Admins' library changes reach WeCom through the same queue (create, rename, delete, restore).
    onLibraryChange: (tx, change) => {
      enqueueLibraryChange(tx, change)
      setImmediate(worker.wake)
    },
  }
  const syncAll = async () => {
    try {
      const tags = await syncTagLibrary(db, client, config.RECYCLE_RETENTION_DAYS)
      const customers = await syncCustomers(db, client)
      console.log('[wecom] sync', JSON.stringify({ ...tags, ...customers }))
      worker.wake()
    }
    catch (err) {
      console.error('[wecom] sync failed:', (err as Error).message)
    }
  }
  const firstSync = background ? syncAll() : Promise.resolve()
  const cron = background ? new Cron(wecom.WECOM_SYNC_CRON, { protect: true }, syncAll) : undefined
  return {
    runtime: { api: client, config: wecom, wake: worker.wake },
    hooks,
    firstSync,
    stop: async () => {
      cron?.stop()
      await worker.stop()
    },
  }
}
