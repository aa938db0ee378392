import type { Db } from '../db/client.ts'
import type { WecomApi, WecomTagGroup } from './client.ts'
import type { DelPayload } from './outbox-library.ts'
import { LIMITS } from '@app/shared'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { invalidateCatalog } from '../services/catalog.ts'
import { WecomError } from './client.ts'

/** 40068 invalid tag/group id; 40071 a tag of that name exists in the group. */
const INVALID_ID = 40068
const NAME_TAKEN = 40071

type Group = typeof t.tagGroups.$inferSelect
type Tag = typeof t.corpTags.$inferSelect

/** A change WeCom would refuse as it stands (a name over 30 characters): fails the row at once. */
export class LibraryRefused extends Error {}

function checkLength(kind: string, name: string) {
  if ([...name].length > LIMITS.nameMaxLength) throw new LibraryRefused(`${kind}“${name}”超过 ${LIMITS.nameMaxLength} 个字符，企业微信不接受，请改名后重试`)
}

const liveGroup = (db: Db, id: number) => db.select().from(t.tagGroups).where(and(eq(t.tagGroups.id, id), isNull(t.tagGroups.deletedAt))).get()
const unlinkedTags = (db: Db, groupId: number) => db.select().from(t.corpTags)
  .where(and(eq(t.corpTags.groupId, groupId), isNull(t.corpTags.deletedAt), isNull(t.corpTags.wecomId))).all()

/** Stores WeCom's ids on our rows (tags matched by name within the group) so no sync duplicates them. */
function link(db: Db, group: Group, tags: Tag[], remote: WecomTagGroup) {
  inTransaction(db, () => {
    db.update(t.tagGroups).set({ wecomId: remote.group_id, updatedAt: new Date() }).where(eq(t.tagGroups.id, group.id)).run()
    const taken = new Set(db.select({ id: t.corpTags.wecomId }).from(t.corpTags).where(inArray(t.corpTags.wecomId, remote.tag.map(x => x.id).concat(''))).all().map(r => r.id))
    for (const tag of tags) {
      const match = remote.tag.find(r => r.name === tag.name && !r.deleted && !taken.has(r.id))
      if (match) db.update(t.corpTags).set({ wecomId: match.id }).where(eq(t.corpTags.id, tag.id)).run()
    }
  })
  invalidateCatalog(db)
}

/** The group as WeCom holds it now (by id when linked, else by name), linking what already matches. */
async function adopt(db: Db, api: WecomApi, group: Group): Promise<void> {
  const library = await api.getCorpTagList()
  const remote = library.find(g => !g.deleted && (group.wecomId ? g.group_id === group.wecomId : g.group_name === group.name))
  if (remote) link(db, group, unlinkedTags(db, group.id), remote)
}

/**
 * Creates the group's tags WeCom lacks (and the group, when it has no WeCom id yet) and
 * stores WeCom's ids. A retry first looks whether an earlier attempt got through; a name
 * WeCom already has (the periodic sync got there first) is linked rather than duplicated.
 */
export async function pushGroupTags(db: Db, api: WecomApi, groupId: number, retry: boolean): Promise<number> {
  let group = liveGroup(db, groupId)
  if (!group) return 0
  if (retry) await adopt(db, api, group)
  group = liveGroup(db, groupId)!
  const tags = unlinkedTags(db, groupId)
  if (tags.length === 0) return 0
  if (!group.wecomId) checkLength('标签组', group.name)
  tags.forEach(x => checkLength('标签', x.name))
  try {
    link(db, group, tags, await api.addCorpTag({ ...(group.wecomId ? { group_id: group.wecomId } : { group_name: group.name }), tag: tags.map(x => ({ name: x.name })) }))
  }
  catch (err) {
    if (!(err instanceof WecomError)) throw err
    if (err.errcode === NAME_TAKEN) {
      await adopt(db, api, group)
      if (unlinkedTags(db, groupId).length === 0) return tags.length
    }
    // WeCom dropped the group (its last tag went): forget the id, create it anew next try.
    if (err.errcode === INVALID_ID && group.wecomId) {
      db.update(t.tagGroups).set({ wecomId: null }).where(eq(t.tagGroups.id, groupId)).run()
      return pushGroupTags(db, api, groupId, false)
    }
    throw err
  }
  return tags.length
}

/** Sends the row's current name; a deleted row is the delete's business, an unlinked one the add's. */
export async function pushEdit(db: Db, api: WecomApi, p: { groupId?: number, tagId?: number }): Promise<void> {
  const row = p.groupId
    ? db.select({ wecomId: t.tagGroups.wecomId, name: t.tagGroups.name, deletedAt: t.tagGroups.deletedAt }).from(t.tagGroups).where(eq(t.tagGroups.id, p.groupId)).get()
    : db.select({ wecomId: t.corpTags.wecomId, name: t.corpTags.name, deletedAt: t.corpTags.deletedAt }).from(t.corpTags).where(eq(t.corpTags.id, p.tagId ?? -1)).get()
  if (!row || row.deletedAt || !row.wecomId) return
  checkLength(p.groupId ? '标签组' : '标签', row.name)
  await api.editCorpTag({ id: row.wecomId, name: row.name })
}

/**
 * Deletes in WeCom the ids no live row of ours holds (a restore that came first keeps its
 * id, so it cancels the delete; a purged or moved row holds none), then forgets them: a
 * later restore creates the rows there anew. WeCom drops a group with its last tag, so a
 * parent group it no longer has is unlinked here too.
 */
export async function pushDelete(db: Db, api: WecomApi, p: DelPayload): Promise<void> {
  const held = new Set([
    ...db.select({ id: t.tagGroups.wecomId }).from(t.tagGroups).where(and(inArray(t.tagGroups.wecomId, [...p.wecomGroupIds, '']), isNull(t.tagGroups.deletedAt))).all(),
    ...db.select({ id: t.corpTags.wecomId }).from(t.corpTags).where(and(inArray(t.corpTags.wecomId, [...p.wecomTagIds, '']), isNull(t.corpTags.deletedAt))).all(),
  ].map(r => r.id))
  const groupIds = p.wecomGroupIds.filter(id => !held.has(id))
  const tagIds = p.wecomTagIds.filter(id => !held.has(id))
  if (groupIds.length + tagIds.length === 0) return
  try {
    await api.delCorpTag({ ...(tagIds.length ? { tag_id: tagIds } : {}), ...(groupIds.length ? { group_id: groupIds } : {}) })
  }
  catch (err) {
    // Already gone (an earlier attempt got through although we never heard): done.
    if (!(err instanceof WecomError && err.errcode === INVALID_ID)) throw err
  }
  inTransaction(db, () => {
    if (tagIds.length) db.update(t.corpTags).set({ wecomId: null }).where(inArray(t.corpTags.wecomId, tagIds)).run()
    if (groupIds.length) {
      db.update(t.tagGroups).set({ wecomId: null }).where(inArray(t.tagGroups.wecomId, groupIds)).run()
      db.update(t.corpTags).set({ wecomId: null }).where(inArray(t.corpTags.groupId, [...p.groupIds, -1])).run()
    }
  })
  const parents = db.select().from(t.tagGroups).where(inArray(t.tagGroups.id, [...p.parentGroupIds, -1])).all().filter(g => g.wecomId)
  if (parents.length > 0) {
    const library = await api.getCorpTagList({ group_id: parents.map(g => g.wecomId!) }).catch((err) => {
      if (err instanceof WecomError && err.errcode === INVALID_ID) return []
      throw err
    })
    const remote = new Set(library.filter(g => !g.deleted).map(g => g.group_id))
    for (const g of parents) if (!remote.has(g.wecomId!)) db.update(t.tagGroups).set({ wecomId: null }).where(eq(t.tagGroups.id, g.id)).run()
  }
  invalidateCatalog(db)
}
