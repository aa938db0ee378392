import type { Db } from '../db/client.ts'

export interface CorporateChange {
  actorId: string
  externalUserId: string
  added: number[]
  removed: number[]
}

export interface SyncState { state: 'synced' | 'pending' | 'failed', pending: number, failed: number }

/**
 * Extension points for live mode (wecom/). Called inside the change's transaction so that
 * queueing a WeCom update commits or rolls back together with the change itself.
 */
export interface DomainHooks {
  onCorporateChange?: (db: Db, change: CorporateChange) => void
  syncState?: (db: Db, externalUserId: string) => SyncState | undefined
}
