import type { Db } from '../db/client.ts'
import type { WecomApi, WecomTagGroup } from './client.ts'
import { foldName } from '@app/shared'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { audit } from '../services/audit.ts'
import { invalidateCatalog } from '../services/catalog.ts'
import { pushGroupTags } from './outbox-library-push.ts'
import { binnedWecomIds, libraryRowsInFlight } from './outbox-library.ts'

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
 * What the outbox is pushing, or pushed after `snapshotAt`, is left alone this round, and
 * WeCom rows we have in the recycle bin (their delete is queued or was refused) are not
 * imported again.
 */
export function reconcileTagLibrary(db: Db, library: WecomTagGroup[], retentionDays: number, now = new Date(), snapshotAt = now): TagSyncResult {
  const result: TagSyncResult = { created: 0, renamed: 0, deleted: 0, reordered: 0, pushed: 0 }
  const remote = library.filter(g => !g.deleted).sort(byWecomOrder)
  inTransaction(db, () => {
    const localGroups = db.select().from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).all()
    const seenGroups = new Set<number>()
    const inFlight = libraryRowsInFlight(db, snapshotAt)
    const guard: Guard = { ...inFlight, binned: new Set([...binnedWecomIds(db), ...inFlight.wecomIds]) }
    remote.filter(g => !guard.binned.has(g.group_id)).forEach((g, gi) => {
      let local = localGroups.find(l => l.wecomId === g.group_id) ?? localGroups.find(l => !l.wecomId && l.name === g.group_name)
      if (!local) {
        local = db.insert(t.tagGroups).values({ wecomId: g.group_id, name: g.group_name, sortOrder: gi, createdAt: now, updatedAt: now }).returning().get()
        result.created++
      }
      else {
        if (local.name !== g.group_name) result.renamed++
        if (local.sortOrder !== gi) result.reordered++
        const name = guard.groupIds.has(local.id) ? local.name : g.group_name
        db.update(t.tagGroups).set({ wecomId: g.group_id, name, sortOrder: gi, updatedAt: now }).where(eq(t.tagGroups.id, local.id)).run()
      }
      seenGroups.add(local.id)
      reconcileTags(db, local.id, g, result, retentionDays, now, guard)
    })
    // Linked groups WeCom no longer has were deleted there (unlinked ones are ours to push).
    for (const l of localGroups) {
      if (l.wecomId && !seenGroups.has(l.id) && !guard.groupIds.has(l.id)) {
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

interface Guard { groupIds: Set<number>, tagIds: Set<number>, binned: Set<string> }

function reconcileTags(db: Db, groupId: number, g: WecomTagGroup, result: TagSyncResult, retentionDays: number, now: Date, guard: Guard) {
  const localTags = db.select().from(t.corpTags).where(and(eq(t.corpTags.groupId, groupId), isNull(t.corpTags.deletedAt))).all()
  const seen = new Set<number>()
  const held = (l: { id: number, groupId: number }) => guard.tagIds.has(l.id) || guard.groupIds.has(l.groupId)
  g.tag.filter(x => !x.deleted && !guard.binned.has(x.id)).sort(byWecomOrder).forEach((tag, ti) => {
    const nameKey = foldName(tag.name)
    // The tag may have moved here from another group in WeCom: match by id anywhere first.
    const anywhere = db.select().from(t.corpTags).where(and(eq(t.corpTags.wecomId, tag.id), isNull(t.corpTags.deletedAt))).get()
    const local = anywhere ?? localTags.find(l => !l.wecomId && l.nameKey === nameKey)
    if (!local) {
      db.insert(t.corpTags).values({ wecomId: tag.id, groupId, name: tag.name, nameKey, sortOrder: ti, createdAt: now }).run()
      result.created++
      return
    }
    seen.add(local.id)
    if (held(local)) return
    if (local.name !== tag.name) result.renamed++
    if (local.sortOrder !== ti) result.reordered++
    db.update(t.corpTags).set({ wecomId: tag.id, groupId, name: tag.name, nameKey, sortOrder: ti }).where(eq(t.corpTags.id, local.id)).run()
  })
  for (const l of localTags) {
    if (l.wecomId && !seen.has(l.id) && !held(l)) {
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
 * Creates in WeCom what exists only here (a tag from an approved promotion, a library made
 * before live mode) and stores WeCom's ids. An empty group cannot exist in WeCom, so it
 * waits for its first tag; a group the outbox is working on is left to it. Failures are
 * logged and retried by the next sync.
 */
async function pushLocalTags(db: Db, api: WecomApi): Promise<number> {
  const groups = db.selectDistinct({ id: t.tagGroups.id, name: t.tagGroups.name }).from(t.tagGroups)
    .innerJoin(t.corpTags, and(eq(t.corpTags.groupId, t.tagGroups.id), isNull(t.corpTags.deletedAt), isNull(t.corpTags.wecomId)))
    .where(isNull(t.tagGroups.deletedAt)).all()
  let pushed = 0
  for (const g of groups) {
    if (libraryRowsInFlight(db, new Date()).groupIds.has(g.id)) continue
    try {
      pushed += await pushGroupTags(db, api, g.id, false)
    }
    catch (err) {
      console.warn(`[wecom] could not create group “${g.name}” in WeCom:`, (err as Error).message)
    }
  }
  return pushed
}

/**
 * One full round: pull and reconcile WeCom's library (which adopts same-named local
 * groups and tags), then create in WeCom what is still only ours.
 */
export async function syncTagLibrary(db: Db, api: WecomApi, retentionDays: number): Promise<TagSyncResult> {
  const snapshotAt = new Date()
  const result = reconcileTagLibrary(db, await api.getCorpTagList(), retentionDays, new Date(), snapshotAt)
  return { ...result, pushed: await pushLocalTags(db, api) }
}
