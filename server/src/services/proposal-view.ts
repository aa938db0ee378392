import type { Proposal } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { findSimilar } from '@app/shared'
import { and, count, countDistinct, eq, isNull, ne } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { getCatalog, groupPath } from './catalog.ts'
import { corporatePool } from './name-check.ts'
import { decideRight } from './proposal-access.ts'

export type ProposalRow = typeof t.proposals.$inferSelect

/** Customers carrying a personal tag right now. */
export function personalTagCustomerCount(db: Db, tagId: number): number {
  return db.select({ n: count() }).from(t.customerPersonalTags).where(eq(t.customerPersonalTags.tagId, tagId)).get()!.n
}

/**
 * Other members' live personal tags with this normalised name, as counts only: the approver
 * learns what "migrate everyone's" would add without reading anyone's private library.
 */
function sameNameCounts(db: Db, nameKey: string, exceptOwner: string) {
  const where = and(eq(t.personalTags.nameKey, nameKey), isNull(t.personalTags.retiredAt), ne(t.personalTags.ownerId, exceptOwner))
  const members = db.select({ n: countDistinct(t.personalTags.ownerId) }).from(t.personalTags).where(where).get()!.n
  const customers = db.select({ n: countDistinct(t.customerPersonalTags.externalUserId) }).from(t.customerPersonalTags)
    .innerJoin(t.personalTags, eq(t.personalTags.id, t.customerPersonalTags.tagId)).where(where).get()!.n
  return { members, customers }
}

/** The request as the viewer sees it: names resolved, live counts, similar corporate tags. */
export function toProposalView(db: Db, viewer: Viewer, row: ProposalRow): Proposal {
  const catalog = getCatalog(db)
  const name = (id: string) => catalog.memberNames.get(id) ?? id
  const tag = db.select().from(t.personalTags).where(eq(t.personalTags.id, row.personalTagId)).get()!
  const pending = row.status === 'pending'

  let targetGroup: Proposal['targetGroup'] = null
  if (row.targetGroupId !== null) {
    const live = catalog.groupsById.get(row.targetGroupId)
    const stored = live ?? db.select().from(t.tagGroups).where(eq(t.tagGroups.id, row.targetGroupId)).get()
    targetGroup = { id: row.targetGroupId, name: stored?.name ?? '（已删除）', path: live ? groupPath(catalog, live) : [stored?.name ?? '（已删除）'] }
  }

  let resultTag: Proposal['resultTag'] = null
  if (row.resultTagId !== null) {
    const r = db.select({ id: t.corpTags.id, name: t.corpTags.name, group: t.tagGroups.name }).from(t.corpTags)
      .innerJoin(t.tagGroups, eq(t.tagGroups.id, t.corpTags.groupId)).where(eq(t.corpTags.id, row.resultTagId)).get()
    if (r) resultTag = r
  }

  const similar = findSimilar(row.proposedName, corporatePool(db, viewer), 5).map(({ score: _score, ...s }) => s)
  return {
    id: row.id,
    status: row.status,
    proposer: { userId: row.proposerId, name: name(row.proposerId) },
    personalTag: { id: tag.id, name: tag.name, retired: tag.retiredAt !== null },
    proposedName: row.proposedName,
    targetGroup,
    newGroupName: row.newGroupName,
    reason: row.reason,
    customerCount: pending ? personalTagCustomerCount(db, row.personalTagId) : row.customerCount,
    sameName: sameNameCounts(db, tag.nameKey, row.proposerId),
    similar,
    createdAt: row.createdAt.getTime(),
    decidedBy: row.decidedBy ? { userId: row.decidedBy, name: name(row.decidedBy) } : null,
    decidedAt: row.decidedAt?.getTime() ?? null,
    decision: row.decision,
    decisionReason: row.decisionReason,
    resultTag,
    migrateScope: row.migrateScope,
    retirePersonal: row.retirePersonal,
    migratedCount: row.migratedCount,
    unseen: row.proposerId === viewer.userId && (row.status === 'approved' || row.status === 'rejected') && row.seenAt === null,
    canDecide: pending && decideRight(db, viewer, row.proposerId) === 'allowed',
  }
}
