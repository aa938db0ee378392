import type { Db } from '../db/client.ts'
import type { CorporateChange, SyncState } from '../services/hooks.ts'
import type { WecomApi } from './client.ts'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { WecomError } from './client.ts'
import { pushDelete, pushEdit, pushGroupTags } from './outbox-library-push.ts'

export interface MarkPayload { add: number[], remove: number[] }

/** hooks.onCorporateChange: queue the change in the same transaction that made it. */
export function enqueueCorporateChange(db: Db, change: CorporateChange, now = new Date()): void {
  const payload: MarkPayload = { add: change.added, remove: change.removed }
  db.insert(t.wecomOutbox).values({
    kind: 'mark_tag',
    userId: change.actorId,
    externalUserId: change.externalUserId,
    payload,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  }).run()
}

/** hooks.syncState: what the sidebar shows as 同步中 / 同步失败 for one customer. */
export function customerSyncState(db: Db, externalUserId: string): SyncState {
  const rows = db.select({ status: t.wecomOutbox.status, n: sql<number>`count(*)` }).from(t.wecomOutbox)
    .where(and(eq(t.wecomOutbox.externalUserId, externalUserId), inArray(t.wecomOutbox.status, ['pending', 'running', 'failed'])))
    .groupBy(t.wecomOutbox.status).all()
  const count = (s: string) => rows.find(r => r.status === s)?.n ?? 0
  const pending = count('pending') + count('running')
  const failed = count('failed')
  return { state: failed > 0 ? 'failed' : pending > 0 ? 'pending' : 'synced', pending, failed }
}

type OutboxRow = typeof t.wecomOutbox.$inferSelect

/**
 * Claims up to `limit` due rows: pending ones whose time has come and running ones whose
 * lease ran out (their worker died, e.g. kill -9). A customer's rows go one at a time and
 * in order, so an add and a later remove of the same tag never overtake each other; the
 * library's rows (no customer: `is` matches null) form one such lane too.
 */
export function claimDue(db: Db, limit: number, leaseMs: number, now = Date.now()): OutboxRow[] {
  return db.$client.transaction(() => {
    const ids = db.$client.prepare(`
      select o.id from wecom_outbox o
      where o.status in ('pending', 'running') and o.next_attempt_at <= ?
        and not exists (select 1 from wecom_outbox p where p.external_user_id is o.external_user_id
          and p.id < o.id and p.status in ('pending', 'running'))
      order by o.next_attempt_at, o.id limit ?`).pluck().all(now, limit) as number[]
    if (ids.length === 0) return []
    return db.update(t.wecomOutbox)
      .set({ status: 'running', attempts: sql`${t.wecomOutbox.attempts} + 1`, nextAttemptAt: new Date(now + leaseMs) })
      .where(inArray(t.wecomOutbox.id, ids)).returning().all()
  }).immediate()
}

export interface OutboxOptions { concurrency: number, maxAttempts: number, backoffMs: number, leaseMs: number }

/** The next try: exponential from `backoffMs`, ±50 % jitter so retries do not stampede, ≤ 10 min. */
function backoffDelay(attempt: number, backoffMs: number): number {
  const base = Math.min(600_000, backoffMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (0.5 + Math.random()))
}

/** Runs one claimed row against WeCom and records the outcome (guarded by the claim). */
export async function processRow(db: Db, api: WecomApi, row: OutboxRow, opts: OutboxOptions): Promise<'done' | 'retry' | 'failed'> {
  const claimed = and(eq(t.wecomOutbox.id, row.id), eq(t.wecomOutbox.status, 'running'), eq(t.wecomOutbox.attempts, row.attempts))
  try {
    await push(db, api, row)
    db.update(t.wecomOutbox).set({ status: 'done', doneAt: new Date(), lastError: null }).where(claimed).run()
    return 'done'
  }
  catch (err) {
    const retryable = err instanceof WecomError ? err.retryable : err instanceof NotReady
    const message = err instanceof Error ? err.message : String(err)
    if (retryable && row.attempts < opts.maxAttempts) {
      const next = new Date(Date.now() + backoffDelay(row.attempts, opts.backoffMs))
      db.update(t.wecomOutbox).set({ status: 'pending', nextAttemptAt: next, lastError: message }).where(claimed).run()
      return 'retry'
    }
    db.update(t.wecomOutbox).set({ status: 'failed', lastError: message }).where(claimed).run()
    console.warn(`[wecom] outbox #${row.id} failed after ${row.attempts} attempts: ${message}`)
    return 'failed'
  }
}

function push(db: Db, api: WecomApi, row: OutboxRow): Promise<unknown> {
  const p = row.payload as any
  switch (row.kind) {
    case 'add_corp_tag': return pushGroupTags(db, api, p.groupId, row.attempts > 1)
    case 'edit_corp_tag': return pushEdit(db, api, p)
    case 'del_corp_tag': return pushDelete(db, api, p)
    default: return pushMark(db, api, row)
  }
}

/** A local tag WeCom does not know yet (the tag sync will create it): try again later. */
class NotReady extends Error {}

async function pushMark(db: Db, api: WecomApi, row: OutboxRow): Promise<void> {
  const payload = row.payload as MarkPayload
  const externalUserId = row.externalUserId!
  const userid = followerFor(db, externalUserId, row.userId)
  if (!userid) throw new Error(`客户 ${externalUserId} 没有跟进成员，无法同步到企业微信`)
  const wecomIds = new Map(db.select({ id: t.corpTags.id, wecomId: t.corpTags.wecomId }).from(t.corpTags)
    .where(inArray(t.corpTags.id, [...payload.add, ...payload.remove, -1])).all().map(r => [r.id, r.wecomId]))
  const toWecom = (ids: number[]) => ids.filter(id => wecomIds.has(id)).map((id) => {
    const w = wecomIds.get(id)
    if (!w) throw new NotReady(`标签 ${id} 尚未创建到企业微信`)
    return w
  })
  const add_tag = toWecom(payload.add)
  const remove_tag = toWecom(payload.remove)
  if (add_tag.length === 0 && remove_tag.length === 0) return
  // A retry may follow an attempt whose answer was lost: look before repeating it.
  if (row.attempts > 1 && await alreadyApplied(api, userid, externalUserId, add_tag, remove_tag)) return
  await api.markTag({ userid, external_userid: externalUserId, add_tag, remove_tag })
}

async function alreadyApplied(api: WecomApi, userid: string, externalUserId: string, add: string[], remove: string[]): Promise<boolean> {
  const detail = await api.getExternalContact(externalUserId)
  const follow = detail.follow_user.find(f => f.userid === userid)
  if (!follow) return false
  const has = new Set((follow.tags ?? []).filter(x => x.type === 1).map(x => x.tag_id))
  return add.every(id => has.has(id)) && remove.every(id => !has.has(id))
}

/** The acting member when they follow the customer (WeCom marks per follow relation), else the first follower. */
function followerFor(db: Db, externalUserId: string, actorId: string | null): string | undefined {
  const rows = db.select({ userId: t.followRelations.userId }).from(t.followRelations)
    .where(eq(t.followRelations.externalUserId, externalUserId)).orderBy(asc(t.followRelations.createdAt), asc(t.followRelations.userId)).all()
  return rows.find(r => r.userId === actorId)?.userId ?? rows[0]?.userId
}
