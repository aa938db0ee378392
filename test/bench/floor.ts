import type { Db } from '@app/server/db/client.ts'
import type { GroupView } from '@app/server/services/access.ts'
import type { CustomerTags } from '@app/shared'
import type { Pair } from './pairs.ts'
import { loadViewer, visibleGroups } from '@app/server/services/access.ts'

interface CorpRow { tag_id: number, marked_by: string | null, marked_at: number, source: NonNullable<CustomerTags['corporate']['groups'][number]['tags'][number]['source']> }
interface LibraryRow { id: number, name: string }
interface AssignedRow { tag_id: number, note: string | null, from_name: string | null }
interface CustomerRow { external_user_id: string, name: string, avatar: string | null, corp_name: string | null, type: number }

/**
 * The floor: what one sidebar read costs with better-sqlite3 alone, no HTTP, no Hono, no
 * drizzle. Same reads as the server (customer row, follow check, the customer's corporate
 * assignments, the member's personal library and this customer's assignments of it), the
 * member's visible groups computed once and cached as the server does, the same JSON string.
 */
export function floorReader(db: Db) {
  const client = db.$client
  const customer = client.prepare('select * from customers where external_user_id = ?')
  const follows = client.prepare('select user_id from follow_relations where user_id = ? and external_user_id = ?')
  const corporate = client.prepare('select tag_id, marked_by, marked_at, source from customer_corp_tags where external_user_id = ?')
  const library = client.prepare('select id, name from personal_tags where owner_id = ? and retired_at is null order by created_at, id')
  const onCustomer = client.prepare(`select a.tag_id, a.note, m.name as from_name from customer_personal_tags a
    join personal_tags p on p.id = a.tag_id left join members m on m.user_id = a.from_user_id
    where a.external_user_id = ? and p.owner_id = ?`)
  const viewers = new Map<string, { isAdmin: boolean, groups: GroupView[] }>()
  const viewerOf = (userId: string) => {
    let v = viewers.get(userId)
    if (!v) {
      const viewer = loadViewer(db, userId)!
      v = { isAdmin: viewer.isAdmin, groups: visibleGroups(db, viewer) }
      viewers.set(userId, v)
    }
    return v
  }

  return (pair: Pair): string => {
    const { userId, externalUserId } = pair
    const viewer = viewerOf(userId)
    const c = customer.get(externalUserId) as CustomerRow | undefined
    const following = follows.get(userId, externalUserId) !== undefined
    if (!c || (!following && !viewer.isAdmin)) throw new Error(`floor: ${userId} may not open ${externalUserId}`)
    const marks = new Map<number, CorpRow>()
    for (const row of corporate.all(externalUserId) as CorpRow[]) marks.set(row.tag_id, row)
    const body: CustomerTags = {
      customer: { externalUserId: c.external_user_id, name: c.name, avatar: c.avatar, corpName: c.corp_name, type: c.type },
      following,
      corporate: {
        groups: viewer.groups.map(({ group, path, depth, access }) => ({
          id: group.id,
          name: group.name,
          path,
          parentId: group.parentId,
          depth,
          locked: group.locked,
          exclusive: group.exclusive,
          editable: access.editable,
          reasonCode: access.reasonCode,
          reason: access.reason,
          tags: group.tags.map((tag) => {
            const m = marks.get(tag.id)
            return m
              ? { id: tag.id, name: tag.name, selected: true, markedBy: m.marked_by, markedAt: m.marked_at, source: m.source }
              : { id: tag.id, name: tag.name, selected: false }
          }),
        })),
      },
      personal: { tags: [], total: 0 },
    }
    const assigned = new Map<number, AssignedRow>()
    for (const row of onCustomer.all(externalUserId, userId) as AssignedRow[]) assigned.set(row.tag_id, row)
    const tags = (library.all(userId) as LibraryRow[]).map((p) => {
      const a = assigned.get(p.id)
      return { id: p.id, name: p.name, selected: a !== undefined, note: a?.note ?? null, fromName: a?.from_name ?? null }
    })
    body.personal = { tags, total: tags.length }
    return JSON.stringify(body)
  }
}

/** Mean µs per request of `fn` over `pairs`, after a warm-up pass over (at most) the first 2,000. */
export function measureFloor(fn: (pair: Pair) => string, pairs: Pair[], iterations: number): { usPerRequest: number, meanBytes: number } {
  for (const pair of pairs.slice(0, Math.min(2000, iterations))) fn(pair)
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn(pairs[i % pairs.length]!)
  const us = Number(process.hrtime.bigint() - started) / 1000 / iterations
  const sample = pairs.slice(0, 500)
  const bytes = sample.reduce((sum, pair) => sum + Buffer.byteLength(fn(pair)), 0)
  return { usPerRequest: Math.round(us * 10) / 10, meanBytes: Math.round(bytes / sample.length) }
}
