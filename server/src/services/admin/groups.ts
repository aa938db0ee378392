import type { CreateGroupInput, LibraryWriteResult, MoveInput, UpdateGroupInput } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { Catalog } from '../catalog.ts'
import type { DomainHooks } from '../hooks.ts'
import { LIMITS } from '@app/shared'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { audit } from '../audit.ts'
import { getCatalog, invalidateCatalog } from '../catalog.ts'
import { checkLibraryName, libraryGroupPool, reorder } from './library-names.ts'

export function liveGroupCount(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).get()!.n
}

/** The live group, or a 404 for an unknown or deleted one. */
export function liveGroup(catalog: Catalog, id: number) {
  const g = catalog.groupsById.get(id)
  if (!g) throw notFound('标签组不存在或已删除')
  return g
}

function siblingsOf(catalog: Catalog, parentId: number | null, exceptId?: number) {
  return catalog.groups.filter(g => g.parentId === parentId && g.id !== exceptId)
}

/** The group and all groups below it. */
export function descendantIds(catalog: Catalog, id: number): number[] {
  const out = [id]
  for (let i = 0; i < out.length; i++) for (const g of catalog.groups) if (g.parentId === out[i]) out.push(g.id)
  return out
}

function checkGroupName(catalog: Catalog, raw: string, parentId: number | null, selfId?: number) {
  const siblings = siblingsOf(catalog, parentId, selfId).map(g => ({ id: g.id, name: g.name, kind: 'corporate' as const }))
  const pool = libraryGroupPool(catalog).filter(g => g.id !== selfId)
  return checkLibraryName(raw, { target: 'group', siblings, pool })
}

/** Creates a group at the end of its siblings. Refused past WeCom's 300-group quota. */
export function createGroup(db: Db, actorId: string, input: CreateGroupInput, hooks: DomainHooks = {}): LibraryWriteResult {
  const catalog = getCatalog(db)
  const parentId = input.parentId ?? null
  if (parentId !== null) liveGroup(catalog, parentId)
  if (liveGroupCount(db) >= LIMITS.maxGroups) throw new AppError(422, 'QUOTA_EXCEEDED', `标签组已达上限 ${LIMITS.maxGroups} 个（企业微信的限制），请先合并或删除不用的标签组`)
  const { name, warnings } = checkGroupName(catalog, input.name, parentId)
  const sortOrder = Math.max(-1, ...siblingsOf(catalog, parentId).map(g => g.sortOrder)) + 1
  const now = new Date()
  const row = inTransaction(db, () => {
    const row = db.insert(t.tagGroups).values({ name, parentId, sortOrder, createdAt: now, updatedAt: now }).returning().get()
    audit(db, { actorId, action: 'group.create', targetType: 'group', targetId: row.id, groupId: row.id, after: { name, parentId } }, now)
    hooks.onLibraryChange?.(db, { actorId, action: 'create', groupIds: [row.id], tagIds: [] })
    return row
  })
  invalidateCatalog(db)
  return { id: row.id, name: row.name, warnings }
}

/** Renames and/or re-parents a group. Moving under itself or its own descendant is refused. */
export function updateGroup(db: Db, actorId: string, id: number, input: UpdateGroupInput, hooks: DomainHooks = {}): LibraryWriteResult {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, id)
  const parentId = input.parentId === undefined ? group.parentId : input.parentId
  if (parentId !== null) {
    liveGroup(catalog, parentId)
    if (descendantIds(catalog, id).includes(parentId)) throw new AppError(422, 'RULE_VIOLATION', '不能把标签组移到它自己或它的子标签组下面')
  }
  const { name, warnings } = input.name === undefined
    ? { name: group.name, warnings: [] }
    : checkGroupName(catalog, input.name, parentId, id)
  if (input.name === undefined && parentId !== group.parentId) checkGroupName(catalog, group.name, parentId, id)
  const moved = parentId !== group.parentId
  const sortOrder = moved ? Math.max(-1, ...siblingsOf(catalog, parentId, id).map(g => g.sortOrder)) + 1 : group.sortOrder
  const now = new Date()
  inTransaction(db, () => {
    db.update(t.tagGroups).set({ name, parentId, sortOrder, updatedAt: now }).where(eq(t.tagGroups.id, id)).run()
    audit(db, { actorId, action: 'group.update', targetType: 'group', targetId: id, groupId: id, before: { name: group.name, parentId: group.parentId }, after: { name, parentId } }, now)
    // The tree is ours alone (WeCom's groups are flat): only a new name goes to WeCom.
    if (name !== group.name) hooks.onLibraryChange?.(db, { actorId, action: 'rename', groupIds: [id], tagIds: [] })
  })
  invalidateCatalog(db)
  return { id, name, warnings }
}

/** Moves a group among its siblings (drag, or up/down). */
export function moveGroup(db: Db, actorId: string, id: number, move: MoveInput): { order: number[] } {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, id)
  const before = siblingsOf(catalog, group.parentId).map(g => g.id)
  const order = reorder(before, id, move)
  inTransaction(db, () => {
    order.forEach((gid, i) => db.update(t.tagGroups).set({ sortOrder: i }).where(and(eq(t.tagGroups.id, gid), isNull(t.tagGroups.deletedAt))).run())
    audit(db, { actorId, action: 'group.move', targetType: 'group', targetId: id, groupId: id, before: { order: before }, after: { order } })
  })
  invalidateCatalog(db)
  return { order }
}
