import type { Db } from '@app/server/db/client.ts'
import type Database from 'better-sqlite3'
import { loadViewer, visibleGroups } from '@app/server/services/access.ts'
import { customerId } from './generate.ts'
import { planMembers } from './large-company-plan.ts'
import { mulberry32 } from './random.ts'

/** A member acting on a customer. */
export interface Pair { userId: string, externalUserId: string }

/** The five admins of the large company (they see all 300 groups). */
export const ADMIN_IDS = planMembers().roles.filter(r => r.role === 'admin').map(r => r.userId)
/** Every salesperson has this personal tag: the promotion migration's "all members" case. */
export const COMMON_PERSONAL_TAG = '高意向'

/**
 * n random (salesperson, customer they follow) pairs: a random customer, then one of its
 * 1–2 followers, so busy and quiet salespeople appear as often as they would in real use.
 */
export function pickFollowedPairs(client: Database.Database, n: number, opts: { customers: number, seed?: number }): Pair[] {
  const rand = mulberry32(opts.seed ?? 7)
  const followers = client.prepare('select user_id as userId from follow_relations where external_user_id = ?').pluck()
  const out: Pair[] = []
  while (out.length < n) {
    const externalUserId = customerId(1 + Math.floor(rand() * opts.customers))
    const ids = followers.all(externalUserId) as string[]
    if (ids.length > 0) out.push({ userId: ids[Math.floor(rand() * ids.length)]!, externalUserId })
  }
  return out
}

/** n random (admin, any customer) pairs: admins may open every customer. */
export function pickAdminPairs(n: number, opts: { customers: number, seed?: number }): Pair[] {
  const rand = mulberry32(opts.seed ?? 11)
  return Array.from({ length: n }, () => ({
    userId: ADMIN_IDS[Math.floor(rand() * ADMIN_IDS.length)]!,
    externalUserId: customerId(1 + Math.floor(rand() * opts.customers)),
  }))
}

/**
 * Tag ids the member may mark, from editable non-exclusive groups (decided by the
 * server's own access rules), so a delta built from them is always accepted.
 */
export function editableTagIds(db: Db, userId: string): number[] {
  const viewer = loadViewer(db, userId)
  if (!viewer) throw new Error(`unknown member ${userId}`)
  return visibleGroups(db, viewer)
    .filter(v => v.access.editable && !v.group.exclusive)
    .flatMap(v => v.group.tags.map(t => t.id))
}
