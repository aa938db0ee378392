import type { Db } from '../db/client.ts'
import type { LibraryChange } from '../services/hooks.ts'
import { and, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import * as t from '../db/schema.ts'

/**
 * The library's outbox rows. They name local ids, not names: the worker reads the rows as
 * they are when it runs, so a rename followed by another sends the last name, and a delete
 * the admin undid before the worker got there is skipped. They carry no customer, which
 * puts them all in one ordered lane (outbox.ts claimDue).
 */
export type LibraryRow =
  | { kind: 'add_corp_tag', payload: { groupId: number } }
  | { kind: 'edit_corp_tag', payload: { groupId?: number, tagId?: number } }
  | { kind: 'del_corp_tag', payload: DelPayload }

/** What to delete, with the WeCom ids the rows had when deleted and the groups that may empty. */
export interface DelPayload { groupIds: number[], tagIds: number[], wecomGroupIds: string[], wecomTagIds: string[], parentGroupIds: number[] }

const LIBRARY_KINDS = ['add_corp_tag', 'edit_corp_tag', 'del_corp_tag'] as const

const ids = (list: number[]) => [...list, -1]

function insertRows(db: Db, actorId: string, rows: LibraryRow[], now: Date) {
  if (rows.length === 0) return
  db.insert(t.wecomOutbox).values(rows.map(r => ({ ...r, userId: actorId, status: 'pending' as const, nextAttemptAt: now, createdAt: now }))).run()
}

/** hooks.onLibraryChange: queue what WeCom must do, in the same transaction as the change. */
export function enqueueLibraryChange(db: Db, change: LibraryChange, now = new Date()): void {
  const { actorId, groupIds, tagIds } = change
  if (change.action === 'rename') {
    insertRows(db, actorId, [
      ...groupIds.map(groupId => ({ kind: 'edit_corp_tag' as const, payload: { groupId } })),
      ...tagIds.map(tagId => ({ kind: 'edit_corp_tag' as const, payload: { tagId } })),
    ], now)
    return
  }
  if (change.action === 'move') return enqueueMove(db, change, now)
  if (change.action === 'delete') {
    const groups = db.select({ id: t.tagGroups.id, wecomId: t.tagGroups.wecomId }).from(t.tagGroups).where(inArray(t.tagGroups.id, ids(groupIds))).all()
    const tags = db.select({ id: t.corpTags.id, groupId: t.corpTags.groupId, wecomId: t.corpTags.wecomId }).from(t.corpTags).where(inArray(t.corpTags.id, ids(tagIds))).all()
    const wecomGroupIds = groups.flatMap(g => g.wecomId ? [g.wecomId] : [])
    const wecomTagIds = tags.flatMap(x => x.wecomId ? [x.wecomId] : [])
    // Never in WeCom (not pushed yet): nothing to delete there.
    if (wecomGroupIds.length + wecomTagIds.length === 0) return
    const parentGroupIds = [...new Set(tags.map(x => x.groupId))].filter(id => !groupIds.includes(id))
    insertRows(db, actorId, [{ kind: 'del_corp_tag', payload: { groupIds, tagIds, wecomGroupIds, wecomTagIds, parentGroupIds } }], now)
    return
  }
  // create / restore: each group with tags WeCom lacks gets one add (an empty group waits).
  const groupsOfTags = db.selectDistinct({ id: t.corpTags.groupId }).from(t.corpTags).where(inArray(t.corpTags.id, ids(tagIds))).all().map(r => r.id)
  const targets = [...new Set([...groupIds, ...groupsOfTags])]
  const withTags = new Set(db.selectDistinct({ id: t.corpTags.groupId }).from(t.corpTags)
    .where(and(inArray(t.corpTags.groupId, ids(targets)), isNull(t.corpTags.deletedAt))).all().map(r => r.id))
  insertRows(db, actorId, targets.filter(id => withTags.has(id)).map(groupId => ({ kind: 'add_corp_tag' as const, payload: { groupId } })), now)
  if (change.action === 'restore' && tagIds.length > 0) requeueMarks(db, tagIds, now)
}

/**
 * WeCom cannot move a tag between groups: the tag is deleted there and created in the new
 * group, and its customers marked again. It forgets its WeCom id at once, so the add
 * creates it and the delete (which skips ids a live row holds) removes the old one.
 */
function enqueueMove(db: Db, change: LibraryChange, now: Date) {
  const [from, to] = change.groupIds as [number, number]
  const linked = db.select({ id: t.corpTags.id, wecomId: t.corpTags.wecomId }).from(t.corpTags)
    .where(and(inArray(t.corpTags.id, ids(change.tagIds)), isNotNull(t.corpTags.wecomId))).all()
  if (linked.length === 0) return insertRows(db, change.actorId, [{ kind: 'add_corp_tag', payload: { groupId: to } }], now)
  db.update(t.corpTags).set({ wecomId: null }).where(inArray(t.corpTags.id, linked.map(x => x.id))).run()
  insertRows(db, change.actorId, [
    { kind: 'del_corp_tag', payload: { groupIds: [], tagIds: change.tagIds, wecomGroupIds: [], wecomTagIds: linked.map(x => x.wecomId!), parentGroupIds: [from] } },
    { kind: 'add_corp_tag', payload: { groupId: to } },
  ], now)
  requeueMarks(db, change.tagIds, now)
}

/**
 * A restored tag's customers get it back here; WeCom dropped those marks if the delete
 * had reached it. One mark row per customer (set-based for big groups); adding a tag the
 * customer still has in WeCom is harmless. A tag being re-created waits (NotReady).
 */
function requeueMarks(db: Db, tagIds: number[], now: Date) {
  db.$client.prepare(`
    insert into wecom_outbox (kind, user_id, external_user_id, payload, status, attempts, next_attempt_at, created_at)
    select 'mark_tag', min(marked_by), external_user_id, json_object('add', json_group_array(tag_id), 'remove', json('[]')), 'pending', 0, ?, ?
    from customer_corp_tags where tag_id in (select value from json_each(?))
    group by external_user_id order by external_user_id`).run(now.getTime(), now.getTime(), JSON.stringify(tagIds))
}

/**
 * Local rows the outbox is changing, or changed after `since` (when the sync's snapshot of
 * WeCom was taken): the sync leaves these as they are for one round, so it neither undoes a
 * rename WeCom has not seen yet nor bins a tag whose new WeCom id its snapshot predates.
 */
export function libraryRowsInFlight(db: Db, since: Date): { groupIds: Set<number>, tagIds: Set<number>, wecomIds: Set<string> } {
  const rows = db.select({ kind: t.wecomOutbox.kind, payload: t.wecomOutbox.payload }).from(t.wecomOutbox)
    .where(and(inArray(t.wecomOutbox.kind, [...LIBRARY_KINDS]), sql`(${t.wecomOutbox.status} in ('pending', 'running') or ${t.wecomOutbox.doneAt} >= ${since.getTime()})`)).all()
  const groupIds = new Set<number>()
  const tagIds = new Set<number>()
  /** WeCom rows being deleted: not to be imported as new meanwhile. */
  const wecomIds = new Set<string>()
  for (const { kind, payload } of rows) {
    const p = payload as any
    if (kind === 'del_corp_tag') {
      for (const id of [...p.wecomGroupIds, ...p.wecomTagIds]) wecomIds.add(id)
      for (const id of [...p.groupIds, ...p.parentGroupIds]) groupIds.add(id)
      for (const id of p.tagIds) tagIds.add(id)
    }
    else {
      if (p.groupId) groupIds.add(p.groupId)
      if (p.tagId) tagIds.add(p.tagId)
    }
  }
  return { groupIds, tagIds, wecomIds }
}

/** WeCom ids of rows in the recycle bin: the sync must not import them again as new. */
export function binnedWecomIds(db: Db): Set<string> {
  const groups = db.select({ id: t.tagGroups.wecomId }).from(t.tagGroups).where(and(isNotNull(t.tagGroups.deletedAt), isNotNull(t.tagGroups.wecomId))).all()
  const tags = db.select({ id: t.corpTags.wecomId }).from(t.corpTags).where(and(isNotNull(t.corpTags.deletedAt), isNotNull(t.corpTags.wecomId))).all()
  return new Set([...groups, ...tags].map(r => r.id!))
}
