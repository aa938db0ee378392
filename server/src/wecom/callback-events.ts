import type { Db } from '../db/client.ts'
import type { WecomApi } from './client.ts'
import { sql } from 'drizzle-orm'
import { transferCustomers } from '../services/handover.ts'
import { endFollow, refreshCustomer } from './sync-customers.ts'
import { reconcileTagLibrary } from './sync-tags.ts'

const TRANSFER_PAIR_WINDOW_MS = 48 * 3600_000

/** The other half of a transfer: WeCom reports it as a delete for the giver and an add for the taker. */
function findCounterpart(db: Db, externalUserId: string, changeType: string, notUser: string, fromTransfer: boolean): string | undefined {
  const row = db.get<{ user: string }>(sql`
    select json_extract(payload, '$.UserID') as user from wecom_events
    where json_extract(payload, '$.ExternalUserID') = ${externalUserId}
      and json_extract(payload, '$.ChangeType') = ${changeType}
      and json_extract(payload, '$.UserID') != ${notUser}
      and (${fromTransfer ? 1 : 0} = 0 or json_extract(payload, '$.Source') = 'DELETE_BY_TRANSFER')
      and received_at >= ${Date.now() - TRANSFER_PAIR_WINDOW_MS}
    order by id desc limit 1`)
  return row?.user
}

function isMember(db: Db, userId: string): boolean {
  return !!db.get(sql`select 1 from members where user_id = ${userId}`)
}

function handover(db: Db, fromUserId: string, toUserId: string, externalUserId: string) {
  if (!isMember(db, fromUserId) || !isMember(db, toUserId)) return
  transferCustomers(db, { fromUserId, toUserId, externalUserIds: [externalUserId], actorId: null, source: 'wecom' })
}

/**
 * What a callback event means here. Every branch is idempotent: it refetches from WeCom
 * or ends a relation, so running it twice leaves the same state as once.
 */
export async function handleEvent(db: Db, api: WecomApi, ev: Record<string, string>, retentionDays: number): Promise<void> {
  if (ev.Event === 'change_external_tag') {
    // Refetch the whole library: one call, and renames, moves and shuffles all come right.
    const snapshotAt = new Date()
    reconcileTagLibrary(db, await api.getCorpTagList(), retentionDays, new Date(), snapshotAt)
    return
  }
  if (ev.Event !== 'change_external_contact') return
  const userId = ev.UserID ?? ''
  const externalUserId = ev.ExternalUserID ?? ''
  if (!externalUserId) return
  switch (ev.ChangeType) {
    case 'add_external_contact': {
      // A transfer's taker: carry the giver's personal knowledge over first (handover rules).
      const giver = findCounterpart(db, externalUserId, 'del_external_contact', userId, true)
      if (giver) handover(db, giver, userId, externalUserId)
      await refreshCustomer(db, api, externalUserId)
      return
    }
    case 'add_half_external_contact':
    case 'edit_external_contact':
      await refreshCustomer(db, api, externalUserId)
      return
    case 'del_external_contact':
    case 'del_follow_user': {
      if (ev.Source === 'DELETE_BY_TRANSFER') {
        const taker = findCounterpart(db, externalUserId, 'add_external_contact', userId, false)
        // Without the taker's add yet, keep the relation: the add will run the handover.
        if (taker) handover(db, userId, taker, externalUserId)
        return
      }
      endFollow(db, userId, externalUserId)
      return
    }
    case 'transfer_fail':
      console.warn(`[wecom] transfer of ${externalUserId} to ${userId} failed: ${ev.FailReason ?? ''}`)
  }
}
