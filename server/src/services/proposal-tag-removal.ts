import type { Db } from '../db/client.ts'
import { and, eq } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { audit } from './audit.ts'
import { transition } from './proposal-state.ts'

/**
 * Removes a personal tag row that its owner deleted. A pending promotion request for it is
 * withdrawn (there is nothing left to promote); a tag that any request names is retired
 * instead of erased, so "我的申请" and the approver's history still say what was proposed.
 * Call inside the delete's transaction.
 */
export function removePersonalTagRow(db: Db, actorId: string, tagId: number, now = new Date()): void {
  const pending = db.select().from(t.proposals).where(and(eq(t.proposals.personalTagId, tagId), eq(t.proposals.status, 'pending'))).all()
  for (const p of pending) {
    transition(db, p.id, 'pending', 'withdrawn', { decidedBy: actorId, decidedAt: now, seenAt: now, decisionReason: '个人标签已删除' })
    audit(db, { actorId, action: 'proposal.withdraw', targetType: 'proposal', targetId: p.id, before: { status: 'pending' }, after: { status: 'withdrawn', reason: 'personal tag deleted' } }, now)
  }
  const referenced = db.select({ id: t.proposals.id }).from(t.proposals).where(eq(t.proposals.personalTagId, tagId)).limit(1).get()
  if (referenced) db.update(t.personalTags).set({ retiredAt: now }).where(eq(t.personalTags.id, tagId)).run()
  else db.delete(t.personalTags).where(eq(t.personalTags.id, tagId)).run()
}
