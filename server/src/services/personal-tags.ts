import type { NameCheckResult, PersonalTag, PersonalTagList } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { foldName, LIMITS } from '@app/shared'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { AppError, notFound } from '../lib/errors.ts'
import { audit } from './audit.ts'
import { requireCustomer } from './customer-tags.ts'
import { checkTagName } from './name-check.ts'
import { removePersonalTagRow } from './proposal-tag-removal.ts'

const NOT_FOUND = '个人标签不存在'

/** The owner's live tag, or 404: someone else's tag is answered as if it did not exist. */
export function requireOwnTag(db: Db, viewer: Viewer, tagId: number) {
  const tag = db.select().from(t.personalTags)
    .where(and(eq(t.personalTags.id, tagId), eq(t.personalTags.ownerId, viewer.userId), isNull(t.personalTags.retiredAt))).get()
  if (!tag) throw notFound(NOT_FOUND)
  return tag
}

export function listPersonalTags(db: Db, viewer: Viewer): PersonalTagList {
  const rows = db.select({
    id: t.personalTags.id,
    name: t.personalTags.name,
    createdAt: t.personalTags.createdAt,
    customerCount: sql<number>`(select count(*) from ${t.customerPersonalTags} where ${t.customerPersonalTags.tagId} = ${t.personalTags.id})`,
  }).from(t.personalTags)
    .where(and(eq(t.personalTags.ownerId, viewer.userId), isNull(t.personalTags.retiredAt)))
    .orderBy(t.personalTags.createdAt, t.personalTags.id).all()
  const tags: PersonalTag[] = rows.map(r => ({ ...r, createdAt: r.createdAt.getTime() }))
  return { tags, warning: countWarning(tags.length) }
}

function countWarning(n: number): string | null {
  return n > LIMITS.personalTagWarnCount ? `你已有 ${n} 个个人标签，超过 ${LIMITS.personalTagWarnCount} 个后很难找到，建议合并或申请升级为企业标签` : null
}

/**
 * Refuses a name that breaks the rules: 409 for a duplicate (its message followed by
 * `duplicateHint`, what to do instead), 422 for anything else.
 */
export function assertNameAccepted(result: NameCheckResult, duplicateHint = ''): void {
  if (result.valid) return
  const duplicate = result.errors.find(e => e.code === 'DUPLICATE')
  if (duplicate) throw new AppError(409, 'DUPLICATE', `${duplicate.message}${duplicateHint}`, result)
  throw new AppError(422, 'NAME_INVALID', result.errors.map(e => e.message).join('；'), result)
}

function toTag(row: typeof t.personalTags.$inferSelect, customerCount: number): PersonalTag {
  return { id: row.id, name: row.name, createdAt: row.createdAt.getTime(), customerCount }
}

export function createPersonalTag(db: Db, viewer: Viewer, rawName: string, cap: number) {
  return inTransaction(db, () => {
    const check = checkTagName(db, viewer, { name: rawName, kind: 'personal' })
    assertNameAccepted(check)
    const owned = db.select({ n: count() }).from(t.personalTags).where(and(eq(t.personalTags.ownerId, viewer.userId), isNull(t.personalTags.retiredAt))).get()!.n
    if (owned >= cap) throw new AppError(422, 'QUOTA_EXCEEDED', `个人标签最多 ${cap} 个，请先删除或合并不用的标签`)
    const row = db.insert(t.personalTags).values({ ownerId: viewer.userId, name: check.name, nameKey: foldName(check.name), createdAt: new Date() }).returning().get()
    audit(db, { actorId: viewer.userId, action: 'personal_tag.create', targetType: 'personal_tag', targetId: row.id, ownerId: viewer.userId, after: { name: row.name } })
    const warnings = [...check.warnings.map(w => ({ code: w.code, message: w.message }))]
    const warning = countWarning(owned + 1)
    if (warning) warnings.push({ code: 'QUOTA', message: warning })
    return { tag: toTag(row, 0), warnings }
  })
}

export function renamePersonalTag(db: Db, viewer: Viewer, tagId: number, rawName: string) {
  return inTransaction(db, () => {
    const before = requireOwnTag(db, viewer, tagId)
    const check = checkTagName(db, viewer, { name: rawName, kind: 'personal', tagId })
    assertNameAccepted(check)
    const row = db.update(t.personalTags).set({ name: check.name, nameKey: foldName(check.name) }).where(eq(t.personalTags.id, tagId)).returning().get()!
    audit(db, { actorId: viewer.userId, action: 'personal_tag.rename', targetType: 'personal_tag', targetId: tagId, ownerId: viewer.userId, before: { name: before.name }, after: { name: row.name } })
    const n = db.select({ n: count() }).from(t.customerPersonalTags).where(eq(t.customerPersonalTags.tagId, tagId)).get()!.n
    return { tag: toTag(row, n), warnings: check.warnings.map(w => ({ code: w.code, message: w.message })) }
  })
}

/** Deletes the tag and its assignments; returns them so the caller can say how many went. */
export function deletePersonalTag(db: Db, viewer: Viewer, tagId: number) {
  return inTransaction(db, () => {
    const tag = requireOwnTag(db, viewer, tagId)
    const removed = db.delete(t.customerPersonalTags).where(eq(t.customerPersonalTags.tagId, tagId))
      .returning({ externalUserId: t.customerPersonalTags.externalUserId, note: t.customerPersonalTags.note }).all()
    removePersonalTagRow(db, viewer.userId, tagId)
    audit(db, { actorId: viewer.userId, action: 'personal_tag.delete', targetType: 'personal_tag', targetId: tagId, ownerId: viewer.userId, before: { name: tag.name, assignments: removed } })
    return { removed: { id: tag.id, name: tag.name, assignments: removed.length } }
  })
}

/** Assigns the tag to the customer, or updates the note; `note` undefined keeps the current one. */
export function assignPersonalTag(db: Db, viewer: Viewer, externalUserId: string, tagId: number, note: string | null | undefined) {
  return inTransaction(db, () => {
    requireCustomer(db, viewer, externalUserId)
    const tag = requireOwnTag(db, viewer, tagId)
    const where = and(eq(t.customerPersonalTags.tagId, tagId), eq(t.customerPersonalTags.externalUserId, externalUserId))
    const existing = db.select().from(t.customerPersonalTags).where(where).get()
    const cleanNote = note === undefined ? undefined : (note?.trim() || null)
    const now = new Date()
    if (existing) {
      if (cleanNote !== undefined && cleanNote !== existing.note) {
        db.update(t.customerPersonalTags).set({ note: cleanNote, updatedAt: now }).where(where).run()
        audit(db, { actorId: viewer.userId, action: 'customer.personal_tag.note', targetType: 'customer_personal_tag', targetId: tagId, customerId: externalUserId, ownerId: viewer.userId, before: { note: existing.note }, after: { note: cleanNote } })
      }
      return { created: false, assignment: { tagId, name: tag.name, note: cleanNote === undefined ? existing.note : cleanNote } }
    }
    db.insert(t.customerPersonalTags).values({ tagId, externalUserId, note: cleanNote ?? null, createdAt: now, updatedAt: now }).run()
    audit(db, { actorId: viewer.userId, action: 'customer.personal_tag.add', targetType: 'customer_personal_tag', targetId: tagId, customerId: externalUserId, ownerId: viewer.userId, after: { tag: tag.name, note: cleanNote ?? null } })
    return { created: true, assignment: { tagId, name: tag.name, note: cleanNote ?? null } }
  })
}

export function unassignPersonalTag(db: Db, viewer: Viewer, externalUserId: string, tagId: number) {
  return inTransaction(db, () => {
    requireCustomer(db, viewer, externalUserId)
    const tag = requireOwnTag(db, viewer, tagId)
    const removed = db.delete(t.customerPersonalTags)
      .where(and(eq(t.customerPersonalTags.tagId, tagId), eq(t.customerPersonalTags.externalUserId, externalUserId)))
      .returning().get()
    if (!removed) throw notFound('该客户没有这个个人标签')
    audit(db, { actorId: viewer.userId, action: 'customer.personal_tag.remove', targetType: 'customer_personal_tag', targetId: tagId, customerId: externalUserId, ownerId: viewer.userId, before: { tag: tag.name, note: removed.note } })
    return { removed: { tagId, name: tag.name, note: removed.note } }
  })
}
