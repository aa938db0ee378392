import type { Db } from '../db/client.ts'
import type { WecomApi, WecomTagGroup } from './client.ts'
import { foldName } from '@app/shared'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { audit } from '../services/audit.ts'
import { invalidateCatalog } from '../services/catalog.ts'

export interface TagSyncResult { created: number, renamed: number, deleted: number, reordered: number, pushed: number }

const SYNC_ACTOR = 'wecom-sync'

/** WeCom: a larger `order` sorts first; ours: ascending sortOrder. Ties keep WeCom's creation order. */
const byWecomOrder = <T extends { order?: number, create_time?: number }>(a: T, b: T) =>
  (b.order ?? 0) - (a.order ?? 0) || (a.create_time ?? 0) - (b.create_time ?? 0)

/**
 * Pulls WeCom's tag library and reconciles ours with it by wecom_id: new groups and tags
 * appear, renames and reorders follow WeCom, deleted ones move to the recycle bin with
 * their assignments. Local-only policies (scope, editors, lock, exclusive, tree parent)
 * are columns WeCom never sees, so they are left as they are. An unlinked local group or
 * tag with the same name is adopted rather than duplicated (first start on a live corp).
 */
export function reconcileTagLibrary(db: Db, library: WecomTagGroup[], retentionDays: number, now = new Date()): TagSyncResult {
  const result: TagSyncResult = { created: 0, renamed: 0, deleted: 0, reordered: 0, pushed: 0 }
  const remote = library.filter(g => !g.deleted).sort(byWecomOrder)
  inTransaction(db, () => {
    const localGroups = db.select().from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).all()
    const seenGroups = new Set<number>()
    remote.forEach((g, gi) => {
      let local = localGroups.find(l => l.wecomId === g.group_id) ?? localGroups.find(l => !l.wecomId && l.name === g.group_name)
      if (!local) {
        local = db.insert(t.tagGroups).values({ wecomId: g.group_id, name: g.group_name, sortOrder: gi, createdAt: now, updatedAt: now }).returning().get()
        result.created++
      }
      else {
        if (local.name !== g.group_name) result.renamed++
        if (local.sortOrder !== gi) result.reordered++
        db.update(t.tagGroups).set({ wecomId: g.group_id, name: g.group_name, sortOrder: gi, updatedAt: now }).where(eq(t.tagGroups.id, local.id)).run()
      }
      seenGroups.add(local.id)
      reconcileTags(db, local.id, g, result, retentionDays, now)
    })
    // Linked groups WeCom no longer has were deleted there (unlinked ones are ours to push).
    for (const l of localGroups) {
      if (l.wecomId && !seenGroups.has(l.id)) {
        moveToBin(db, 'group', l.id, l.name, retentionDays, now)
        result.deleted++
      }
    }
    if (result.created + result.renamed + result.deleted + result.reordered > 0)
      audit(db, { actorId: SYNC_ACTOR, action: 'wecom.tag_library.sync', targetType: 'tag_library', after: result }, now)
  })
  invalidateCatalog(db)
  return result
}

function reconcileTags(db: Db, groupId: number, g: WecomTagGroup, result: TagSyncResult, retentionDays: number, now: Date) {
  const localTags = db.select().from(t.corpTags).where(and(eq(t.corpTags.groupId, groupId), isNull(t.corpTags.deletedAt))).all()
  const seen = new Set<number>()
  g.tag.filter(x => !x.deleted).sort(byWecomOrder).forEach((tag, ti) => {
    const nameKey = foldName(tag.name)
    // The tag may have moved here from another group in WeCom: match by id anywhere first.
    const anywhere = db.select().from(t.corpTags).where(and(eq(t.corpTags.wecomId, tag.id), isNull(t.corpTags.deletedAt))).get()
    const local = anywhere ?? localTags.find(l => !l.wecomId && l.nameKey === nameKey)
    if (!local) {
      db.insert(t.corpTags).values({ wecomId: tag.id, groupId, name: tag.name, nameKey, sortOrder: ti, createdAt: now }).run()
      result.created++
      return
    }
    if (local.name !== tag.name) result.renamed++
    if (local.sortOrder !== ti) result.reordered++
    db.update(t.corpTags).set({ wecomId: tag.id, groupId, name: tag.name, nameKey, sortOrder: ti }).where(eq(t.corpTags.id, local.id)).run()
    seen.add(local.id)
  })
  for (const l of localTags) {
    if (l.wecomId && !seen.has(l.id)) {
      moveToBin(db, 'tag', l.id, l.name, retentionDays, now)
      result.deleted++
    }
  }
}

/** Same shape as a delete in the app: the row keeps its deletion id, assignments move aside. */
function moveToBin(db: Db, kind: 'group' | 'tag', id: number, name: string, retentionDays: number, now: Date) {
  const tagIds = kind === 'tag'
    ? [id]
    : db.select({ id: t.corpTags.id }).from(t.corpTags).where(and(eq(t.corpTags.groupId, id), isNull(t.corpTags.deletedAt))).all().map(r => r.id)
  const assignments = tagIds.length ? db.select().from(t.customerCorpTags).where(inArray(t.customerCorpTags.tagId, tagIds)).all() : []
  const deletion = db.insert(t.deletions).values({
    kind,
    targetId: id,
    name,
    deletedBy: SYNC_ACTOR,
    deletedAt: now,
    expiresAt: new Date(now.getTime() + retentionDays * 86_400_000),
    tagCount: tagIds.length,
    assignmentCount: assignments.length,
  }).returning().get()
  if (assignments.length) {
    db.insert(t.deletedAssignments).values(assignments.map(a => ({ deletionId: deletion.id, externalUserId: a.externalUserId, tagId: a.tagId, markedBy: a.markedBy, markedAt: a.markedAt, source: a.source }))).run()
    db.delete(t.customerCorpTags).where(inArray(t.customerCorpTags.tagId, tagIds)).run()
  }
  if (tagIds.length) db.update(t.corpTags).set({ deletedAt: now, deletionId: deletion.id }).where(inArray(t.corpTags.id, tagIds)).run()
  if (kind === 'group') db.update(t.tagGroups).set({ deletedAt: now, deletionId: deletion.id }).where(eq(t.tagGroups.id, id)).run()
  audit(db, { actorId: SYNC_ACTOR, action: `wecom.${kind}.deleted`, targetType: kind === 'group' ? 'tag_group' : 'corp_tag', targetId: id, before: { name }, after: { deletionId: deletion.id } }, now)
}

/**
 * Creates in WeCom what exists only here (a group made locally, a tag from an approved
 * promotion) and stores WeCom's ids. An empty group cannot exist in WeCom, so it waits
 * for its first tag. Failures are logged and retried by the next sync.
 */
export async function pushLocalTags(db: Db, api: WecomApi): Promise<number> {
  const groups = db.select().from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).all()
  let pushed = 0
  for (const g of groups) {
    const tags = db.select().from(t.corpTags).where(and(eq(t.corpTags.groupId, g.id), isNull(t.corpTags.deletedAt), isNull(t.corpTags.wecomId))).all()
    if (tags.length === 0) continue
    try {
      const created = await api.addCorpTag({ ...(g.wecomId ? { group_id: g.wecomId } : { group_name: g.name }), tag: tags.map(x => ({ name: x.name })) })
      inTransaction(db, () => {
        db.update(t.tagGroups).set({ wecomId: created.group_id, updatedAt: new Date() }).where(eq(t.tagGroups.id, g.id)).run()
        for (const x of tags) {
          const remote = created.tag.find(r => r.name === x.name)
          if (remote) db.update(t.corpTags).set({ wecomId: remote.id }).where(eq(t.corpTags.id, x.id)).run()
        }
      })
      pushed += tags.length
    }
    catch (err) {
      console.warn(`[wecom] could not create group “${g.name}” in WeCom:`, (err as Error).message)
    }
  }
  if (pushed) invalidateCatalog(db)
  return pushed
}

/**
 * One full round: pull and reconcile WeCom's library (which adopts same-named local
 * groups and tags), then create in WeCom what is still only ours.
 */
export async function syncTagLibrary(db: Db, api: WecomApi, retentionDays: number): Promise<TagSyncResult> {
  const result = reconcileTagLibrary(db, await api.getCorpTagList(), retentionDays)
  return { ...result, pushed: await pushLocalTags(db, api) }
}
