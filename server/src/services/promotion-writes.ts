import type { Db } from '../db/client.ts'
import { checkName, foldName, LIMITS } from '@app/shared'
import { and, count, eq, isNull, max } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { AppError } from '../lib/errors.ts'
import { audit } from './audit.ts'
import { assertNameAccepted } from './personal-tags.ts'

/**
 * The corporate-library writes a promotion needs: a new root group and a new tag. Both
 * run inside the approval's transaction; the caller invalidates the catalog afterwards.
 */

/** Checks a new root group's name against live root groups and the 300-group quota. */
export function checkNewGroupName(db: Db, raw: string): string {
  const roots = db.select({ id: t.tagGroups.id, name: t.tagGroups.name }).from(t.tagGroups)
    .where(and(isNull(t.tagGroups.parentId), isNull(t.tagGroups.deletedAt))).all()
  const result = checkName(raw, { target: 'group', siblings: roots.map(g => ({ ...g, kind: 'corporate' as const })) })
  assertNameAccepted(result, '，请直接选择该标签组')
  const live = db.select({ n: count() }).from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).get()!.n
  if (live >= LIMITS.maxGroups) throw new AppError(422, 'QUOTA_EXCEEDED', `标签组已达上限 ${LIMITS.maxGroups} 个，请选择已有标签组`)
  return result.name
}

/** A new root group visible to and editable by everyone (an admin can narrow it later). */
export function createRootGroup(db: Db, actorId: string, name: string, now: Date) {
  const last = db.select({ n: max(t.tagGroups.sortOrder) }).from(t.tagGroups).where(isNull(t.tagGroups.parentId)).get()?.n ?? 0
  const group = db.insert(t.tagGroups).values({ name, parentId: null, sortOrder: last + 1, createdAt: now, updatedAt: now }).returning().get()
  audit(db, { actorId, action: 'corporate_group.create', targetType: 'corporate_group', targetId: group.id, groupId: group.id, after: { name, via: 'promotion' } }, now)
  return group
}

/** Refuses a tag name that duplicates one in the group (409) or breaks the rules (422). */
export function checkNewTagName(db: Db, groupId: number, raw: string): string {
  const siblings = db.select({ id: t.corpTags.id, name: t.corpTags.name }).from(t.corpTags)
    .where(and(eq(t.corpTags.groupId, groupId), isNull(t.corpTags.deletedAt))).all()
  const result = checkName(raw, { target: 'tag', siblings: siblings.map(s => ({ ...s, kind: 'corporate' as const })) })
  assertNameAccepted(result, '，可选择“合并到已有标签”')
  return result.name
}

export function createCorporateTag(db: Db, actorId: string, groupId: number, name: string, now: Date) {
  const last = db.select({ n: max(t.corpTags.sortOrder) }).from(t.corpTags).where(eq(t.corpTags.groupId, groupId)).get()?.n ?? 0
  const tag = db.insert(t.corpTags).values({ groupId, name, nameKey: foldName(name), sortOrder: last + 1, createdAt: now }).returning().get()
  audit(db, { actorId, action: 'corporate_tag.create', targetType: 'corporate_tag', targetId: tag.id, groupId, tagId: tag.id, after: { name, via: 'promotion' } }, now)
  return tag
}
