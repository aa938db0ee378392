import type { CreateTagInput, LibraryWriteResult, MoveInput, UpdateTagInput } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { Catalog, CatalogGroup } from '../catalog.ts'
import type { DomainHooks } from '../hooks.ts'
import { foldName } from '@app/shared'
import { eq } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { notFound } from '../../lib/errors.ts'
import { audit } from '../audit.ts'
import { getCatalog, invalidateCatalog } from '../catalog.ts'
import { liveGroup } from './groups.ts'
import { checkLibraryName, libraryTagPool, reorder } from './library-names.ts'
import { customerCountsByTag } from './library-tree.ts'

/** The live tag with its group, or a 404 for an unknown or deleted one. */
export function liveTag(catalog: Catalog, id: number) {
  const group = catalog.tagGroup.get(id)
  const tag = group?.tags.find(x => x.id === id)
  if (!group || !tag) throw notFound('标签不存在或已删除')
  return { group, tag }
}

function checkTagName(catalog: Catalog, raw: string, group: CatalogGroup, selfId?: number) {
  const siblings = group.tags.filter(x => x.id !== selfId).map(x => ({ id: x.id, name: x.name, kind: 'corporate' as const }))
  const pool = libraryTagPool(catalog).filter(x => x.id !== selfId)
  return checkLibraryName(raw, { target: 'tag', siblings, pool })
}

/** Adds a tag at the end of its group. Duplicate in the group → 409; similar elsewhere → warning. */
export function createTag(db: Db, actorId: string, input: CreateTagInput, hooks: DomainHooks = {}): LibraryWriteResult {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, input.groupId)
  const { name, warnings } = checkTagName(catalog, input.name, group)
  const sortOrder = Math.max(-1, ...group.tags.map(x => x.sortOrder)) + 1
  const now = new Date()
  const row = inTransaction(db, () => {
    const row = db.insert(t.corpTags).values({ groupId: group.id, name, nameKey: foldName(name), sortOrder, createdAt: now }).returning().get()
    audit(db, { actorId, action: 'tag.create', targetType: 'tag', targetId: row.id, groupId: group.id, tagId: row.id, after: { name, groupId: group.id } }, now)
    hooks.onLibraryChange?.(db, { actorId, action: 'create', groupIds: [group.id], tagIds: [row.id] })
    return row
  })
  invalidateCatalog(db)
  return { id: row.id, name: row.name, warnings }
}

/** Renames a tag and/or moves it to another group; its customer assignments stay. */
export function updateTag(db: Db, actorId: string, id: number, input: UpdateTagInput, hooks: DomainHooks = {}): LibraryWriteResult {
  const catalog = getCatalog(db)
  const { group, tag } = liveTag(catalog, id)
  const target = input.groupId === undefined ? group : liveGroup(catalog, input.groupId)
  const { name, warnings } = checkTagName(catalog, input.name ?? tag.name, target, id)
  const sortOrder = target === group ? tag.sortOrder : Math.max(-1, ...target.tags.map(x => x.sortOrder)) + 1
  inTransaction(db, () => {
    db.update(t.corpTags).set({ name, nameKey: foldName(name), groupId: target.id, sortOrder }).where(eq(t.corpTags.id, id)).run()
    audit(db, { actorId, action: 'tag.update', targetType: 'tag', targetId: id, groupId: target.id, tagId: id, before: { name: tag.name, groupId: group.id }, after: { name, groupId: target.id } })
    if (target.id !== group.id) hooks.onLibraryChange?.(db, { actorId, action: 'move', groupIds: [group.id, target.id], tagIds: [id] })
    else if (name !== tag.name) hooks.onLibraryChange?.(db, { actorId, action: 'rename', groupIds: [], tagIds: [id] })
  })
  invalidateCatalog(db)
  // A pure move keeps its name, so the similar-name warnings would only list itself elsewhere.
  return { id, name, warnings: input.name === undefined ? [] : warnings }
}

function writeTagOrder(db: Db, actorId: string, group: CatalogGroup, order: number[], action: string, tagId?: number) {
  inTransaction(db, () => {
    order.forEach((id, i) => db.update(t.corpTags).set({ sortOrder: i }).where(eq(t.corpTags.id, id)).run())
    audit(db, { actorId, action, targetType: tagId ? 'tag' : 'group', targetId: tagId ?? group.id, groupId: group.id, tagId: tagId ?? null, before: { order: group.tags.map(x => x.id) }, after: { order } })
  })
  invalidateCatalog(db)
  return { order }
}

/** Moves a tag within its group (drag, or up/down). */
export function moveTag(db: Db, actorId: string, id: number, move: MoveInput): { order: number[] } {
  const { group } = liveTag(getCatalog(db), id)
  return writeTagOrder(db, actorId, group, reorder(group.tags.map(x => x.id), id, move), 'tag.move', id)
}

/** One action: the group's tags ordered by how many customers carry them, most used first. */
export function sortTagsByUsage(db: Db, actorId: string, groupId: number): { order: number[] } {
  const group = liveGroup(getCatalog(db), groupId)
  const counts = customerCountsByTag(db, group.tags.map(x => x.id))
  // Stable: equally used tags keep their current relative order.
  const order = group.tags.map((x, i) => ({ id: x.id, i, n: counts.get(x.id) ?? 0 })).sort((a, b) => b.n - a.n || a.i - b.i).map(x => x.id)
  return writeTagOrder(db, actorId, group, order, 'group.sort_tags')
}
