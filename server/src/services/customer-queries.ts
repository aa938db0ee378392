import type { Db } from '../db/client.ts'
import { and, eq, isNull, sql } from 'drizzle-orm'
import * as t from '../db/schema.ts'

/**
 * The sidebar's hot-path reads, prepared once per database. Each is one indexed lookup:
 * the customer row, the follow relation, the customer's corporate assignments (primary
 * key prefix), the member's personal library and this customer's assignments of it.
 */
function prepare(db: Db) {
  const customerId = sql.placeholder('customerId')
  const userId = sql.placeholder('userId')
  return {
    customer: db.select().from(t.customers).where(eq(t.customers.externalUserId, customerId)).prepare(),
    follows: db.select({ userId: t.followRelations.userId }).from(t.followRelations)
      .where(and(eq(t.followRelations.userId, userId), eq(t.followRelations.externalUserId, customerId))).prepare(),
    corporate: db.select({
      tagId: t.customerCorpTags.tagId,
      markedBy: t.customerCorpTags.markedBy,
      markedAt: t.customerCorpTags.markedAt,
      source: t.customerCorpTags.source,
    }).from(t.customerCorpTags).where(eq(t.customerCorpTags.externalUserId, customerId)).prepare(),
    // The member's library and this customer's assignments of it, read separately: joining
    // the library to the assignments costs one primary-key probe per library tag (20–60 on
    // the large company), the assignments alone one index range; together half the time.
    personalLibrary: db.select({ id: t.personalTags.id, name: t.personalTags.name }).from(t.personalTags)
      .where(and(eq(t.personalTags.ownerId, userId), isNull(t.personalTags.retiredAt)))
      .orderBy(t.personalTags.createdAt, t.personalTags.id)
      .prepare(),
    personalOnCustomer: db.select({
      tagId: t.customerPersonalTags.tagId,
      note: t.customerPersonalTags.note,
      fromName: t.members.name,
    }).from(t.customerPersonalTags)
      .innerJoin(t.personalTags, eq(t.personalTags.id, t.customerPersonalTags.tagId))
      .leftJoin(t.members, eq(t.members.userId, t.customerPersonalTags.fromUserId))
      .where(and(eq(t.customerPersonalTags.externalUserId, customerId), eq(t.personalTags.ownerId, userId)))
      .prepare(),
  }
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>()

export function customerQueries(db: Db) {
  let s = statements.get(db)
  if (!s) {
    s = prepare(db)
    statements.set(db, s)
  }
  return s
}
