import type { Db } from '../db/client.ts'
import type { WecomApi, WecomExternalContact } from './client.ts'
import { and, eq, inArray, notInArray } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'

function upsertCustomer(db: Db, c: WecomExternalContact, now: Date) {
  const values = { name: c.name, avatar: c.avatar ?? null, corpName: c.corp_name ?? null, type: c.type ?? 1, gender: c.gender ?? 0, updatedAt: now }
  db.insert(t.customers).values({ externalUserId: c.external_userid, ...values })
    .onConflictDoUpdate({ target: t.customers.externalUserId, set: values }).run()
}

function localMembers(db: Db): Set<string> {
  return new Set(db.select({ userId: t.members.userId }).from(t.members).all().map(r => r.userId))
}

type Follow = { userid: string, remark?: string, createtime?: number, add_way?: number, state?: string }

function upsertFollow(db: Db, externalUserId: string, f: Follow) {
  const values = { remark: f.remark ?? null, addWay: f.add_way ?? null, state: f.state ?? null }
  db.insert(t.followRelations).values({ userId: f.userid, externalUserId, createdAt: new Date((f.createtime ?? 0) * 1000), ...values })
    .onConflictDoUpdate({ target: [t.followRelations.userId, t.followRelations.externalUserId], set: values }).run()
}

/**
 * Corporate tags WeCom has on a customer that we lack are taken over (source 'wecom').
 * Nothing is removed, and a customer with changes still queued for WeCom is skipped: our
 * side is then the newer one and the outbox will make WeCom agree.
 */
function importCorporateTags(db: Db, externalUserId: string, wecomTagIds: string[], markedBy: string, now: Date) {
  if (wecomTagIds.length === 0) return
  const queued = db.select({ id: t.wecomOutbox.id }).from(t.wecomOutbox)
    .where(and(eq(t.wecomOutbox.externalUserId, externalUserId), inArray(t.wecomOutbox.status, ['pending', 'running', 'failed']))).get()
  if (queued) return
  const tags = db.select({ id: t.corpTags.id }).from(t.corpTags).where(inArray(t.corpTags.wecomId, wecomTagIds)).all()
  if (tags.length === 0) return
  db.insert(t.customerCorpTags).values(tags.map(x => ({ externalUserId, tagId: x.id, markedBy, markedAt: now, source: 'wecom' as const })))
    .onConflictDoNothing().run()
}

/**
 * Refetches one customer (externalcontact/get): their details, exactly WeCom's follow
 * relations among our members, and corporate tags we lack. Used by callbacks.
 */
export async function refreshCustomer(db: Db, api: WecomApi, externalUserId: string): Promise<void> {
  const detail = await api.getExternalContact(externalUserId)
  const now = new Date()
  const members = localMembers(db)
  inTransaction(db, () => {
    upsertCustomer(db, detail.external_contact, now)
    const follows = detail.follow_user.filter(f => members.has(f.userid))
    for (const f of follows) {
      upsertFollow(db, externalUserId, f)
      importCorporateTags(db, externalUserId, (f.tags ?? []).filter(x => x.type === 1 && x.tag_id).map(x => x.tag_id!), f.userid, now)
    }
    db.delete(t.followRelations).where(and(eq(t.followRelations.externalUserId, externalUserId), notInArray(t.followRelations.userId, [...follows.map(f => f.userid), '']))).run()
  })
}

/**
 * Pulls every member's customers (batch/get_by_user, 100 members and 100 customers a page).
 * A member's follow relations that WeCom no longer lists are removed once all their pages
 * arrived.
 */
export async function syncCustomers(db: Db, api: WecomApi): Promise<{ customers: number, follows: number }> {
  const members = [...localMembers(db)]
  const seen = new Map<string, Set<string>>(members.map(m => [m, new Set()]))
  const customers = new Set<string>()
  for (let i = 0; i < members.length; i += 100) {
    const batch = members.slice(i, i + 100)
    let cursor: string | undefined
    do {
      const page = await api.batchGetByUser(batch, cursor)
      const now = new Date()
      inTransaction(db, () => {
        for (const item of page.external_contact_list) {
          const id = item.external_contact.external_userid
          upsertCustomer(db, item.external_contact, now)
          customers.add(id)
          if (!seen.has(item.follow_info.userid)) continue
          upsertFollow(db, id, item.follow_info)
          seen.get(item.follow_info.userid)!.add(id)
          importCorporateTags(db, id, item.follow_info.tag_id ?? [], item.follow_info.userid, now)
        }
      })
      cursor = page.next_cursor || undefined
    } while (cursor)
  }
  let follows = 0
  inTransaction(db, () => {
    for (const [userId, ids] of seen) {
      follows += ids.size
      db.delete(t.followRelations).where(and(eq(t.followRelations.userId, userId), notInArray(t.followRelations.externalUserId, [...ids, '']))).run()
    }
  })
  return { customers: customers.size, follows }
}

/** del_external_contact / del_follow_user: that one follow relation ends; the customer row stays. */
export function endFollow(db: Db, userId: string, externalUserId: string): void {
  db.delete(t.followRelations).where(and(eq(t.followRelations.userId, userId), eq(t.followRelations.externalUserId, externalUserId))).run()
}
