import type { HandoverResult } from '@app/shared'
import type { Db } from '../db/client.ts'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { notFound } from '../lib/errors.ts'
import { auditMany } from './audit.ts'

export interface TransferRequest {
  fromUserId: string
  toUserId: string
  externalUserIds: string[]
  /** The admin who asked, or null for a WeCom transfer event. */
  actorId: string | null
  source: 'admin' | 'wecom'
}

const CHUNK = 500

/**
 * Hands customers from one member to another (DESIGN §1 "Personal knowledge lost when a
 * customer changes hands"). The follow relation moves; the previous owner's personal tags
 * on those customers are copied, notes included, into the new owner's library, attributed
 * ("来自 张三"). A tag of the same normalised name the new owner already has is reused.
 * The previous owner's library is never touched. Idempotent: a second run (a retried WeCom
 * event, a double click) finds everything in place and changes nothing.
 */
export function transferCustomers(db: Db, req: TransferRequest): HandoverResult {
  const { fromUserId, toUserId } = req
  return inTransaction(db, () => {
    for (const userId of [fromUserId, toUserId]) {
      if (!db.select({ id: t.members.userId }).from(t.members).where(eq(t.members.userId, userId)).get()) throw notFound(`成员 ${userId} 不存在`)
    }
    const wanted = [...new Set(req.externalUserIds)]
    const known = new Set(chunked(wanted, chunk => db.select({ id: t.customers.externalUserId }).from(t.customers)
      .where(inArray(t.customers.externalUserId, chunk)).all()).map(r => r.id))
    const ids = wanted.filter(id => known.has(id))
    const now = new Date()
    const result: HandoverResult = { moved: 0, notFollowed: 0, unknown: wanted.filter(id => !known.has(id)), tagsCreated: 0, tagsReused: 0, assignmentsCopied: 0 }
    const audits: Parameters<typeof auditMany>[1] = []

    // 1. Follow relations: the new owner follows, the previous one no longer does.
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK)
      const follows = db.delete(t.followRelations).where(and(eq(t.followRelations.userId, fromUserId), inArray(t.followRelations.externalUserId, chunk))).returning().all()
      const followed = new Set(follows.map(f => f.externalUserId))
      result.notFollowed += chunk.length - followed.size
      if (follows.length > 0) {
        db.insert(t.followRelations).values(follows.map(f => ({ ...f, userId: toUserId, createdAt: now }))).onConflictDoNothing().run()
      }
      result.moved += follows.length
      for (const f of follows) {
        audits.push({ actorId: req.actorId, action: 'customer.handover', targetType: 'customer', targetId: f.externalUserId, customerId: f.externalUserId, before: { owner: fromUserId }, after: { owner: toUserId, source: req.source } })
      }
    }

    // 2. Personal tags and notes, copied into the new owner's library.
    const carried = chunked(ids, chunk => db.select({
      name: t.personalTags.name,
      nameKey: t.personalTags.nameKey,
      externalUserId: t.customerPersonalTags.externalUserId,
      note: t.customerPersonalTags.note,
    }).from(t.customerPersonalTags)
      .innerJoin(t.personalTags, eq(t.personalTags.id, t.customerPersonalTags.tagId))
      .where(and(eq(t.personalTags.ownerId, fromUserId), isNull(t.personalTags.retiredAt), inArray(t.customerPersonalTags.externalUserId, chunk))).all())
    const ownTags = new Map(db.select().from(t.personalTags).where(and(eq(t.personalTags.ownerId, toUserId), isNull(t.personalTags.retiredAt))).all().map(p => [p.nameKey, p.id]))
    const created = new Set<string>()
    const reused = new Set<string>()
    for (const a of carried) {
      let tagId = ownTags.get(a.nameKey)
      if (tagId === undefined) {
        tagId = db.insert(t.personalTags).values({ ownerId: toUserId, name: a.name, nameKey: a.nameKey, createdAt: now }).returning().get().id
        ownTags.set(a.nameKey, tagId)
        created.add(a.nameKey)
        audits.push({ actorId: req.actorId, action: 'personal_tag.create', targetType: 'personal_tag', targetId: tagId, ownerId: toUserId, after: { name: a.name, fromUserId } })
      }
      else if (!created.has(a.nameKey)) {
        reused.add(a.nameKey)
      }
      // The new owner's own assignment (and note) wins; a repeated handover inserts nothing.
      const copied = db.insert(t.customerPersonalTags).values({ tagId, externalUserId: a.externalUserId, note: a.note, fromUserId, createdAt: now, updatedAt: now })
        .onConflictDoNothing().returning({ tagId: t.customerPersonalTags.tagId }).all()
      if (copied.length > 0) {
        result.assignmentsCopied++
        audits.push({ actorId: req.actorId, action: 'customer.personal_tag.add', targetType: 'customer_personal_tag', targetId: tagId, customerId: a.externalUserId, ownerId: toUserId, after: { tag: a.name, note: a.note, fromUserId } })
      }
    }
    result.tagsCreated = created.size
    result.tagsReused = reused.size
    auditMany(db, audits, now)
    return result
  })
}

function chunked<T>(ids: string[], read: (chunk: string[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...read(ids.slice(i, i + CHUNK)))
  return out
}
