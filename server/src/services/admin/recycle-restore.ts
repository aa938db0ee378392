import type { RestoreResult } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { DomainHooks } from '../hooks.ts'
import { foldName, LIMITS } from '@app/shared'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { audit } from '../audit.ts'
import { invalidateCatalog } from '../catalog.ts'
import { liveGroupCount } from './groups.ts'

/**
 * A name free among `taken` (folded keys): the original, else "华东（恢复）", "华东（恢复2）"…
 * Restoring never merges into, renames or fails on the live item that took the name meanwhile.
 */
function freeName(name: string, taken: Set<string>): string {
  if (!taken.has(foldName(name))) return name
  for (let i = 1; ; i++) {
    const candidate = `${name}（恢复${i === 1 ? '' : i}）`
    if (!taken.has(foldName(candidate))) return candidate
  }
}

function liveSiblingGroupKeys(db: Db, parentId: number | null): Set<string> {
  const rows = db.select({ name: t.tagGroups.name }).from(t.tagGroups)
    .where(and(parentId === null ? isNull(t.tagGroups.parentId) : eq(t.tagGroups.parentId, parentId), isNull(t.tagGroups.deletedAt))).all()
  return new Set(rows.map(r => foldName(r.name)))
}

/**
 * Brings a deleted group (with its sub-groups and tags) or tag back, with every customer
 * assignment as it was (who marked it, when, how). Within retention only. Assignments are
 * skipped only when the customer no longer exists, or, for a tag of an exclusive group,
 * when the customer has since been given another tag of that group (the newer choice wins).
 */
export function restoreDeletion(db: Db, actorId: string, deletionId: number, hooks: DomainHooks = {}, now = new Date()): RestoreResult {
  const deletion = db.select().from(t.deletions).where(eq(t.deletions.id, deletionId)).get()
  if (!deletion || deletion.restoredAt || deletion.purgedAt) throw notFound('回收站里没有这一项')
  if (deletion.expiresAt.getTime() <= now.getTime()) throw new AppError(409, 'CONFLICT', '已超过保留期，无法恢复')

  const result = inTransaction(db, () => {
    let name = deletion.name
    let movedToTop = false
    let groupId: number
    const restoredGroups = deletion.kind === 'group' ? db.select({ id: t.tagGroups.id }).from(t.tagGroups).where(eq(t.tagGroups.deletionId, deletionId)).all().map(r => r.id) : []
    if (deletion.kind === 'group') {
      const root = db.select().from(t.tagGroups).where(eq(t.tagGroups.id, deletion.targetId)).get()
      if (!root || root.deletionId !== deletionId) throw notFound('该标签组已被彻底删除')
      if (liveGroupCount(db) + restoredGroups.length > LIMITS.maxGroups) throw new AppError(422, 'QUOTA_EXCEEDED', `恢复后标签组将超过上限 ${LIMITS.maxGroups} 个`)
      let parentId = root.parentId
      if (parentId !== null) {
        const parent = db.select({ deletedAt: t.tagGroups.deletedAt }).from(t.tagGroups).where(eq(t.tagGroups.id, parentId)).get()
        if (!parent || parent.deletedAt) {
          parentId = null
          movedToTop = true
        }
      }
      name = freeName(root.name, liveSiblingGroupKeys(db, parentId))
      db.update(t.tagGroups).set({ name, parentId, updatedAt: now }).where(eq(t.tagGroups.id, root.id)).run()
      groupId = root.id
    }
    else {
      const tag = db.select().from(t.corpTags).where(eq(t.corpTags.id, deletion.targetId)).get()
      if (!tag || tag.deletionId !== deletionId) throw notFound('该标签已被彻底删除')
      const group = db.select().from(t.tagGroups).where(eq(t.tagGroups.id, tag.groupId)).get()
      if (!group || group.deletedAt) throw new AppError(409, 'CONFLICT', `标签所在的标签组“${group?.name ?? ''}”已删除，请先恢复标签组`)
      const taken = new Set(db.select({ key: t.corpTags.nameKey }).from(t.corpTags).where(and(eq(t.corpTags.groupId, group.id), isNull(t.corpTags.deletedAt))).all().map(r => r.key))
      name = freeName(tag.name, taken)
      groupId = group.id
      db.update(t.corpTags).set({ name, nameKey: foldName(name) }).where(eq(t.corpTags.id, tag.id)).run()
    }
    const restoredTags = db.select({ id: t.corpTags.id }).from(t.corpTags).where(eq(t.corpTags.deletionId, deletionId)).all().map(r => r.id)
    if (deletion.kind === 'group') db.update(t.tagGroups).set({ deletedAt: null, deletionId: null }).where(eq(t.tagGroups.deletionId, deletionId)).run()
    db.update(t.corpTags).set({ deletedAt: null, deletionId: null }).where(eq(t.corpTags.deletionId, deletionId)).run()

    const stored = db.select({ n: sql<number>`count(*)` }).from(t.deletedAssignments).where(eq(t.deletedAssignments.deletionId, deletionId)).get()!.n
    // Set-based: one INSERT … SELECT, skipping gone customers and (exclusive groups) newer choices.
    const restored = db.$client.prepare(`
      insert or ignore into customer_corp_tags (external_user_id, tag_id, marked_by, marked_at, source)
      select d.external_user_id, d.tag_id, d.marked_by, d.marked_at, d.source
      from deleted_assignments d
      join customers c on c.external_user_id = d.external_user_id
      join corp_tags ct on ct.id = d.tag_id
      join tag_groups g on g.id = ct.group_id
      where d.deletion_id = ? and not (g.exclusive = 1 and exists (
        select 1 from customer_corp_tags x join corp_tags xt on xt.id = x.tag_id
        where x.external_user_id = d.external_user_id and xt.group_id = ct.group_id and x.tag_id <> d.tag_id))`).run(deletionId).changes
    db.delete(t.deletedAssignments).where(eq(t.deletedAssignments.deletionId, deletionId)).run()
    // After the assignments are back, so live mode can mark them in WeCom again.
    hooks.onLibraryChange?.(db, { actorId, action: 'restore', groupIds: restoredGroups, tagIds: restoredTags })
    if (name !== deletion.name) hooks.onLibraryChange?.(db, { actorId, action: 'rename', groupIds: deletion.kind === 'group' ? [groupId] : [], tagIds: deletion.kind === 'tag' ? [deletion.targetId] : [] })
    db.update(t.deletions).set({ restoredAt: now, restoredBy: actorId }).where(eq(t.deletions.id, deletionId)).run()

    const renamedFrom = name === deletion.name ? null : deletion.name
    audit(db, {
      actorId,
      action: 'recycle.restore',
      targetType: deletion.kind,
      targetId: deletion.targetId,
      groupId,
      tagId: deletion.kind === 'tag' ? deletion.targetId : null,
      before: { deletionId, name: deletion.name },
      after: { name, renamedFrom, movedToTop, assignmentsRestored: restored, assignmentsSkipped: stored - restored },
    }, now)
    return { kind: deletion.kind, id: deletion.targetId, name, renamedFrom, movedToTop, assignmentsRestored: restored, assignmentsSkipped: stored - restored }
  })
  invalidateCatalog(db)
  return result
}
