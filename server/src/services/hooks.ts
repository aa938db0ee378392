import type { Db } from '../db/client.ts'

export interface CorporateChange {
  actorId: string
  externalUserId: string
  added: number[]
  removed: number[]
}

/**
 * An admin's change to the tag library (local ids). `create`: new tags (a new group alone
 * changes nothing in WeCom, where an empty group cannot exist); `rename`: the rows' names
 * changed; `delete`: the rows went to the recycle bin; `restore`: they came back from it;
 * `move`: the tags went to another group, `groupIds` = [from, to].
 */
export interface LibraryChange {
  actorId: string
  action: 'create' | 'rename' | 'delete' | 'restore' | 'move'
  groupIds: number[]
  tagIds: number[]
}

export interface SyncState { state: 'synced' | 'pending' | 'failed', pending: number, failed: number }

/**
 * Extension points for live mode (wecom/). Called inside the change's transaction so that
 * queueing a WeCom update commits or rolls back together with the change itself.
 */
export interface DomainHooks {
  onCorporateChange?: (db: Db, change: CorporateChange) => void
  syncState?: (db: Db, externalUserId: string) => SyncState | undefined
  onLibraryChange?: (db: Db, change: LibraryChange) => void
}
