import type { ApproveProposal, ApproveResult, MigrationResult } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import type { DomainHooks } from './hooks.ts'
import type { MigrationOptions, MigrationTarget } from './promotion-migration.ts'
import type { ProposalRow } from './proposal-view.ts'
import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { AppError, notFound } from '../lib/errors.ts'
import { resolveGroupAccess } from './access.ts'
import { auditMany } from './audit.ts'
import { withBigWrite } from './big-write.ts'
import { getCatalog, invalidateCatalog } from './catalog.ts'
import { requireDecidableProposal } from './proposals.ts'
import { migrateAssignments } from './promotion-migration.ts'
import { checkNewGroupName, checkNewTagName, createCorporateTag, createRootGroup } from './promotion-writes.ts'
import { assertTransition, transition } from './proposal-state.ts'
import { personalTagCustomerCount, toProposalView } from './proposal-view.ts'

/** A live group the approver can see; only admins write into a locked one. */
function requireTargetGroup(db: Db, viewer: Viewer, groupId: number) {
  const catalog = getCatalog(db)
  const group = catalog.groupsById.get(groupId)
  const access = group && resolveGroupAccess(catalog, group, viewer)
  if (!group || !access?.visible) throw notFound('目标标签组不存在或不可见')
  if (access.reasonCode === 'LOCKED') throw new AppError(403, 'GROUP_LOCKED', `“${group.name}”${access.reason}`)
  return group
}

/** Creates (or picks, when merging) the corporate tag the request resolves to. */
function resolveTarget(db: Db, viewer: Viewer, row: ProposalRow, input: ApproveProposal, now: Date) {
  const catalog = getCatalog(db)
  if (input.decision === 'merge') {
    const group = catalog.tagGroup.get(input.mergeTagId!)
    if (!group) throw notFound('要合并到的企业标签不存在')
    requireTargetGroup(db, viewer, group.id)
    const tag = group.tags.find(x => x.id === input.mergeTagId)!
    return { tagId: tag.id, tagName: tag.name, group, createdTag: false, createdGroup: false }
  }
  const groupId = input.groupId ?? row.targetGroupId
  let group: { id: number, name: string, exclusive: boolean }
  let createdGroup = false
  if (groupId === null) {
    group = createRootGroup(db, viewer.userId, checkNewGroupName(db, row.newGroupName ?? ''), now)
    createdGroup = true
  }
  else {
    group = requireTargetGroup(db, viewer, groupId)
  }
  const name = checkNewTagName(db, group.id, input.name ?? row.proposedName)
  const tag = createCorporateTag(db, viewer.userId, group.id, name, now)
  return { tagId: tag.id, tagName: tag.name, group, createdTag: true, createdGroup }
}

/**
 * Approves a request, in ONE transaction: the group (if new), the corporate tag (or the
 * merge target), every migrated customer's assignment, the personal tags' retirement, the
 * audit trail and the state change commit together or not at all.
 */
export function approveProposal(db: Db, viewer: Viewer, id: number, input: ApproveProposal, hooks: DomainHooks = {}, opts: MigrationOptions = {}): ApproveResult {
  try {
    const { row, migration } = withBigWrite(db, () => inTransaction(db, () => {
      const current = requireDecidableProposal(db, viewer, id)
      assertTransition(current.status, 'approved')
      const personal = db.select().from(t.personalTags).where(eq(t.personalTags.id, current.personalTagId)).get()!
      if (personal.retiredAt !== null) throw new AppError(409, 'CONFLICT', `个人标签“${personal.name}”已停用，请驳回该申请`)

      const now = new Date()
      const target = resolveTarget(db, viewer, current, input, now)
      // Live mode: the new tag goes to WeCom through the outbox now, not at the next sync;
      // the migrated customers' marks wait in their lanes until it has WeCom's id.
      if (target.createdTag) hooks.onLibraryChange?.(db, { actorId: viewer.userId, action: 'create', groupIds: [target.group.id], tagIds: [target.tagId] })
      const liveSiblings = (getCatalog(db).groupsById.get(target.group.id)?.tags ?? []).map(x => x.id)
      const exclusiveSiblings = target.group.exclusive ? liveSiblings.filter(x => x !== target.tagId) : []

      const sources = input.migrateScope === 'all'
        ? db.select().from(t.personalTags).where(and(eq(t.personalTags.nameKey, personal.nameKey), isNull(t.personalTags.retiredAt))).all()
        : [personal]
      const migrationTarget: MigrationTarget = { tagId: target.tagId, exclusiveSiblings }
      const counts = migrateAssignments(db, {
        personalTagIds: sources.map(s => s.id),
        target: migrationTarget,
        proposerId: current.proposerId,
        now,
        hooks,
        opts,
      })

      if (input.retirePersonal) {
        db.update(t.personalTags).set({ retiredAt: now }).where(inArray(t.personalTags.id, sources.map(s => s.id))).run()
        auditMany(db, sources.map(s => ({
          actorId: viewer.userId,
          action: 'personal_tag.retire',
          targetType: 'personal_tag',
          targetId: s.id,
          ownerId: s.ownerId,
          tagId: target.tagId,
          before: { name: s.name },
          after: { retired: true, promotedTo: target.tagName, proposalId: id },
        })), now)
      }

      const decided = { decidedBy: viewer.userId, decidedAt: now, resultTagId: target.tagId, migrateScope: input.migrateScope, retirePersonal: input.retirePersonal }
      // Other members' pending requests for a tag just migrated are settled by this decision.
      const alsoApproved = input.migrateScope === 'all'
        ? db.select().from(t.proposals).where(and(eq(t.proposals.status, 'pending'), ne(t.proposals.id, id), inArray(t.proposals.personalTagId, sources.map(s => s.id)))).all()
        : []
      for (const other of alsoApproved) {
        transition(db, other.id, 'pending', 'approved', { ...decided, decision: 'merge', decisionReason: `已随申请 #${id} 一并升级`, customerCount: personalTagCustomerCount(db, other.personalTagId) })
      }
      const row = transition(db, id, 'pending', 'approved', {
        ...decided,
        decision: input.decision,
        decisionReason: null,
        customerCount: personalTagCustomerCount(db, current.personalTagId),
        migratedCount: counts.customers,
      })

      const migration: MigrationResult = {
        tagId: target.tagId,
        groupId: target.group.id,
        createdTag: target.createdTag,
        createdGroup: target.createdGroup,
        personalTags: sources.length,
        ...counts,
        retired: input.retirePersonal ? sources.length : 0,
        alsoApproved: alsoApproved.map(p => p.id),
      }
      auditMany(db, [
        { actorId: viewer.userId, action: 'proposal.approve', targetType: 'proposal', targetId: id, tagId: target.tagId, groupId: target.group.id, before: { status: 'pending' }, after: { status: 'approved', decision: input.decision, tag: target.tagName, group: target.group.name } },
        ...alsoApproved.map(p => ({ actorId: viewer.userId, action: 'proposal.approve', targetType: 'proposal', targetId: p.id, tagId: target.tagId, before: { status: 'pending' }, after: { status: 'approved', decision: 'merge', viaProposal: id } })),
        { actorId: viewer.userId, action: 'proposal.migrate', targetType: 'proposal', targetId: id, tagId: target.tagId, groupId: target.group.id, after: { scope: input.migrateScope, ...migration } },
      ], now)
      return { row, migration }
    }))
    return { proposal: toProposalView(db, viewer, row), migration }
  }
  finally {
    // Also after a rollback: the catalog may have cached the uncommitted tag.
    invalidateCatalog(db)
  }
}
