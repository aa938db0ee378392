import type { CreateProposal, Proposal, ProposalSummary } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { AppError, notFound } from '../lib/errors.ts'
import { visibleGroups } from './access.ts'
import { audit } from './audit.ts'
import { checkTagName } from './name-check.ts'
import { assertNameAccepted, requireOwnTag } from './personal-tags.ts'
import { DECIDE_REFUSALS, decideRight, queueMembers } from './proposal-access.ts'
import { transition } from './proposal-state.ts'
import { personalTagCustomerCount, toProposalView } from './proposal-view.ts'
import { checkNewGroupName } from './promotion-writes.ts'

const NOT_FOUND = '升级申请不存在'

/**
 * A request the viewer may read: their own, or one they may decide. Anyone else gets 404,
 * as for a personal tag: the request names someone's private tag.
 */
export function requireReadableProposal(db: Db, viewer: Viewer, id: number) {
  const row = db.select().from(t.proposals).where(eq(t.proposals.id, id)).get()
  if (!row) throw notFound(NOT_FOUND)
  if (row.proposerId === viewer.userId) return row
  if (decideRight(db, viewer, row.proposerId) !== 'allowed') throw notFound(NOT_FOUND)
  return row
}

/** The request, if the viewer may decide it: 404 unknown, 403 own / not an approver / other department. */
export function requireDecidableProposal(db: Db, viewer: Viewer, id: number) {
  const row = db.select().from(t.proposals).where(eq(t.proposals.id, id)).get()
  if (!row) throw notFound(NOT_FOUND)
  const right = decideRight(db, viewer, row.proposerId)
  if (right !== 'allowed') throw new AppError(403, 'FORBIDDEN', DECIDE_REFUSALS[right])
  return row
}

/** A member proposes one of their personal tags as a corporate tag (DESIGN §3 "Promotion"). */
export function createProposal(db: Db, viewer: Viewer, input: CreateProposal): Proposal {
  const row = inTransaction(db, () => {
    const tag = requireOwnTag(db, viewer, input.personalTagId)
    const pending = db.select({ id: t.proposals.id }).from(t.proposals)
      .where(and(eq(t.proposals.personalTagId, tag.id), eq(t.proposals.status, 'pending'))).get()
    if (pending) throw new AppError(409, 'DUPLICATE', `“${tag.name}”已有一个待审批的升级申请，请等待审批或先撤回`)

    let newGroupName: string | null = null
    if (input.targetGroupId !== undefined) {
      const view = visibleGroups(db, viewer).find(v => v.group.id === input.targetGroupId)
      if (!view) throw notFound('标签组不存在或不可见')
      if (view.access.reasonCode === 'LOCKED') throw new AppError(403, 'GROUP_LOCKED', `“${view.group.name}”${view.access.reason}，请选择其他标签组`)
    }
    else {
      newGroupName = checkNewGroupName(db, input.newGroupName!)
    }
    const check = checkTagName(db, viewer, { name: input.proposedName, kind: 'corporate', groupId: input.targetGroupId })
    assertNameAccepted(check, '，可直接使用该企业标签')

    const now = new Date()
    const created = db.insert(t.proposals).values({
      proposerId: viewer.userId,
      personalTagId: tag.id,
      proposedName: check.name,
      targetGroupId: input.targetGroupId ?? null,
      newGroupName,
      reason: input.reason,
      customerCount: personalTagCustomerCount(db, tag.id),
      status: 'pending',
      createdAt: now,
    }).returning().get()
    audit(db, {
      actorId: viewer.userId,
      action: 'proposal.create',
      targetType: 'proposal',
      targetId: created.id,
      groupId: created.targetGroupId,
      after: { personalTag: tag.name, proposedName: created.proposedName, group: input.targetGroupId ?? newGroupName, reason: created.reason, customers: created.customerCount },
    }, now)
    return created
  })
  return toProposalView(db, viewer, row)
}

/** mine = the viewer's own requests, newest first; queue = pending requests the viewer may decide, oldest first. */
export function listProposals(db: Db, viewer: Viewer, view: 'mine' | 'queue'): Proposal[] {
  if (view === 'mine') {
    return db.select().from(t.proposals).where(eq(t.proposals.proposerId, viewer.userId))
      .orderBy(desc(t.proposals.createdAt), desc(t.proposals.id)).all().map(r => toProposalView(db, viewer, r))
  }
  const where = queueWhere(db, viewer)
  if (!where) return []
  return db.select().from(t.proposals).where(where).orderBy(t.proposals.createdAt, t.proposals.id).all().map(r => toProposalView(db, viewer, r))
}

function queueWhere(db: Db, viewer: Viewer) {
  const members = queueMembers(db, viewer)
  if (members === null) return and(eq(t.proposals.status, 'pending'), ne(t.proposals.proposerId, viewer.userId))
  if (members.length === 0) return undefined
  return and(eq(t.proposals.status, 'pending'), inArray(t.proposals.proposerId, members))
}

/** Badge counts for the sidebar header. */
export function proposalSummary(db: Db, viewer: Viewer): ProposalSummary {
  const where = queueWhere(db, viewer)
  const pendingToDecide = where ? db.select({ n: count() }).from(t.proposals).where(where).get()!.n : 0
  const unseenDecisions = db.select({ n: count() }).from(t.proposals).where(unseenWhere(viewer)).get()!.n
  return { pendingToDecide, unseenDecisions }
}

const unseenWhere = (viewer: Viewer) => and(
  eq(t.proposals.proposerId, viewer.userId),
  inArray(t.proposals.status, ['approved', 'rejected']),
  isNull(t.proposals.seenAt),
)

/** The proposer has seen their decisions (opened "我的申请"); returns how many were new. */
export function markDecisionsSeen(db: Db, viewer: Viewer): { marked: number } {
  const rows = db.update(t.proposals).set({ seenAt: new Date() }).where(unseenWhere(viewer)).returning({ id: t.proposals.id }).all()
  return { marked: rows.length }
}

/** Only the proposer withdraws, and only while pending. */
export function withdrawProposal(db: Db, viewer: Viewer, id: number): Proposal {
  const row = inTransaction(db, () => {
    const current = requireReadableProposal(db, viewer, id)
    if (current.proposerId !== viewer.userId) throw new AppError(403, 'FORBIDDEN', '只有申请人可以撤回申请')
    const now = new Date()
    const updated = transition(db, id, current.status, 'withdrawn', { decidedBy: viewer.userId, decidedAt: now, seenAt: now })
    audit(db, { actorId: viewer.userId, action: 'proposal.withdraw', targetType: 'proposal', targetId: id, before: { status: current.status }, after: { status: 'withdrawn' } }, now)
    return updated
  })
  return toProposalView(db, viewer, row)
}

export function rejectProposal(db: Db, viewer: Viewer, id: number, reason: string): Proposal {
  const row = inTransaction(db, () => {
    const current = requireDecidableProposal(db, viewer, id)
    const now = new Date()
    const updated = transition(db, id, current.status, 'rejected', {
      decidedBy: viewer.userId,
      decidedAt: now,
      decision: 'reject',
      decisionReason: reason,
      customerCount: personalTagCustomerCount(db, current.personalTagId),
    })
    audit(db, { actorId: viewer.userId, action: 'proposal.reject', targetType: 'proposal', targetId: id, before: { status: current.status }, after: { status: 'rejected', reason } }, now)
    return updated
  })
  return toProposalView(db, viewer, row)
}
