import type { ProposalStatus } from '@app/shared'
import type { Db } from '../db/client.ts'
import { and, eq } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { AppError } from '../lib/errors.ts'

/**
 * The promotion state machine, in one place: a request is born pending and leaves that
 * state exactly once. Every decision (approve, reject, withdraw) goes through `transition`.
 */
const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  pending: ['approved', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
}

const CLOSED_MESSAGE: Record<ProposalStatus, string> = {
  pending: '',
  approved: '该申请已通过，不能再次处理',
  rejected: '该申请已被驳回，不能再次处理',
  withdrawn: '该申请已撤回，不能再处理',
}

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return NEXT[from].includes(to)
}

/** Refuses with 409 when `from → to` is not allowed (a decided or withdrawn request). */
export function assertTransition(from: ProposalStatus, to: ProposalStatus): void {
  if (!canTransition(from, to)) throw new AppError(409, 'CONFLICT', CLOSED_MESSAGE[from] || '该申请状态不允许此操作')
}

type DecisionFields = Omit<Partial<typeof t.proposals.$inferInsert>, 'id' | 'status'>

/**
 * Moves a request from `from` to `to`, writing the decision fields. The update is
 * conditional on the current status, so two approvers deciding at once cannot both win:
 * the loser gets the same 409 as a late click.
 */
export function transition(db: Db, id: number, from: ProposalStatus, to: ProposalStatus, fields: DecisionFields) {
  assertTransition(from, to)
  const row = db.update(t.proposals).set({ ...fields, status: to })
    .where(and(eq(t.proposals.id, id), eq(t.proposals.status, from))).returning().get()
  if (!row) throw new AppError(409, 'CONFLICT', '该申请已被其他人处理，请刷新')
  return row
}
