import type { RecycleItem } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { DomainHooks } from '../hooks.ts'
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { notFound } from '../../lib/errors.ts'
import { audit } from '../audit.ts'
import { getCatalog, invalidateCatalog } from '../catalog.ts'
import { descendantIds, liveGroup } from './groups.ts'
import { liveTag } from './tags.ts'

const DAY_MS = 24 * 60 * 60 * 1000

const idList = (ids: number[]) => sql.join(ids.map(id => sql`${id}`), sql`, `)

/**
 * Moves tags' customer assignments into the bin under `deletionId`, then marks the tags and
 * groups deleted. Two set-based statements, so a group with 100,000 assignments is one
 * INSERT … SELECT and one DELETE.
 */
function binRows(db: Db, deletionId: number, groupIds: number[], tagIds: number[], at: Date): number {
  let moved = 0
  if (tagIds.length > 0) {
    db.run(sql`insert into deleted_assignments (deletion_id, external_user_id, tag_id, marked_by, marked_at, source)
      select ${deletionId}, external_user_id, tag_id, marked_by, marked_at, source from customer_corp_tags where tag_id in (${idList(tagIds)})`)
    moved = db.$client.prepare(`delete from customer_corp_tags where tag_id in (${tagIds.map(() => '?').join(',')})`).run(...tagIds).changes
    db.update(t.corpTags).set({ deletedAt: at, deletionId }).where(and(inArray(t.corpTags.id, tagIds), isNull(t.corpTags.deletedAt))).run()
  }
  if (groupIds.length > 0) db.update(t.tagGroups).set({ deletedAt: at, deletionId, updatedAt: at }).where(inArray(t.tagGroups.id, groupIds)).run()
  db.update(t.deletions).set({ assignmentCount: moved }).where(eq(t.deletions.id, deletionId)).run()
  return moved
}

export interface DeleteResult { deletionId: number, expiresAt: number, tagCount: number, assignmentCount: number }

/** Deletes a group with its sub-groups, tags and assignments into the recycle bin for `retentionDays`. */
export function deleteGroup(db: Db, actorId: string, groupId: number, retentionDays: number, hooks: DomainHooks = {}, now = new Date()): DeleteResult {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, groupId)
  const groupIds = descendantIds(catalog, groupId)
  const tagIds = groupIds.flatMap(id => catalog.groupsById.get(id)?.tags.map(x => x.id) ?? [])
  const expiresAt = new Date(now.getTime() + retentionDays * DAY_MS)
  const result = inTransaction(db, () => {
    const deletion = db.insert(t.deletions).values({ kind: 'group', targetId: groupId, name: group.name, deletedBy: actorId, deletedAt: now, expiresAt, tagCount: tagIds.length }).returning().get()
    const assignmentCount = binRows(db, deletion.id, groupIds, tagIds, now)
    hooks.onLibraryChange?.(db, { actorId, action: 'delete', groupIds, tagIds })
    audit(db, { actorId, action: 'group.delete', targetType: 'group', targetId: groupId, groupId, before: { name: group.name, groups: groupIds, tags: tagIds, assignmentCount }, after: { deletionId: deletion.id, expiresAt: expiresAt.getTime() } }, now)
    return { deletionId: deletion.id, expiresAt: expiresAt.getTime(), tagCount: tagIds.length, assignmentCount }
  })
  invalidateCatalog(db)
  return result
}

/** Deletes one tag with its assignments into the recycle bin. */
export function deleteTag(db: Db, actorId: string, tagId: number, retentionDays: number, hooks: DomainHooks = {}, now = new Date()): DeleteResult {
  const { group, tag } = liveTag(getCatalog(db), tagId)
  const expiresAt = new Date(now.getTime() + retentionDays * DAY_MS)
  const result = inTransaction(db, () => {
    const deletion = db.insert(t.deletions).values({ kind: 'tag', targetId: tagId, name: tag.name, deletedBy: actorId, deletedAt: now, expiresAt, tagCount: 1 }).returning().get()
    const assignmentCount = binRows(db, deletion.id, [], [tagId], now)
    hooks.onLibraryChange?.(db, { actorId, action: 'delete', groupIds: [], tagIds: [tagId] })
    audit(db, { actorId, action: 'tag.delete', targetType: 'tag', targetId: tagId, groupId: group.id, tagId, before: { name: tag.name, groupId: group.id, assignmentCount }, after: { deletionId: deletion.id, expiresAt: expiresAt.getTime() } }, now)
    return { deletionId: deletion.id, expiresAt: expiresAt.getTime(), tagCount: 1, assignmentCount }
  })
  invalidateCatalog(db)
  return result
}

/** The bin, newest first: items still restorable, and (for the record) restored and purged ones. */
export function listRecycleBin(db: Db, opts: { includeClosed?: boolean } = {}): RecycleItem[] {
  const names = getCatalog(db).memberNames
  const rows = db.select().from(t.deletions)
    .where(opts.includeClosed ? undefined : and(isNull(t.deletions.restoredAt), isNull(t.deletions.purgedAt)))
    .orderBy(desc(t.deletions.deletedAt), desc(t.deletions.id)).limit(500).all()
  return rows.map(r => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    deletedBy: r.deletedBy,
    deletedByName: names.get(r.deletedBy) ?? r.deletedBy,
    deletedAt: r.deletedAt.getTime(),
    expiresAt: r.expiresAt.getTime(),
    tagCount: r.tagCount,
    assignmentCount: r.assignmentCount,
    status: r.restoredAt ? 'restored' : r.purgedAt ? 'purged' : 'in_bin',
  }))
}

/** Removes a deletion's groups, tags and stored assignments for good. */
export function purgeDeletion(db: Db, actorId: string | null, deletionId: number, now = new Date()): { purged: true } {
  const deletion = db.select().from(t.deletions).where(eq(t.deletions.id, deletionId)).get()
  if (!deletion || deletion.restoredAt || deletion.purgedAt) throw notFound('回收站里没有这一项')
  inTransaction(db, () => {
    db.delete(t.deletedAssignments).where(eq(t.deletedAssignments.deletionId, deletionId)).run()
    // Tags first, then groups (their access rules and any older-deleted tags go by cascade).
    db.delete(t.corpTags).where(eq(t.corpTags.deletionId, deletionId)).run()
    db.delete(t.tagGroups).where(eq(t.tagGroups.deletionId, deletionId)).run()
    db.update(t.deletions).set({ purgedAt: now }).where(eq(t.deletions.id, deletionId)).run()
    audit(db, { actorId, action: 'recycle.purge', targetType: deletion.kind, targetId: deletion.targetId, groupId: deletion.kind === 'group' ? deletion.targetId : null, tagId: deletion.kind === 'tag' ? deletion.targetId : null, before: { name: deletion.name, deletionId, assignmentCount: deletion.assignmentCount }, after: null }, now)
  })
  invalidateCatalog(db)
  return { purged: true }
}

/** Purges every deletion whose retention has run out; the scheduled job calls this. */
export function purgeExpired(db: Db, now = new Date()): number {
  const due = db.select({ id: t.deletions.id }).from(t.deletions)
    .where(and(isNull(t.deletions.restoredAt), isNull(t.deletions.purgedAt), sql`${t.deletions.expiresAt} <= ${now.getTime()}`)).all()
  for (const d of due) purgeDeletion(db, null, d.id, now)
  return due.length
}
