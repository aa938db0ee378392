import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { approveProposalSchema, createProposalSchema, idParamSchema, proposalListQuerySchema, rejectProposalSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { approveProposal } from '../services/promotion.ts'
import { toProposalView } from '../services/proposal-view.ts'
import {
  createProposal,
  listProposals,
  markDecisionsSeen,
  proposalSummary,
  rejectProposal,
  requireReadableProposal,
  withdrawProposal,
} from '../services/proposals.ts'

/** The promotion workflow (DESIGN §5): personal tag → request → approver's decision. */
export function proposalRoutes(deps: AppDeps) {
  const { db, hooks } = deps
  return new Hono<AppEnv>()
    .get('/proposals/summary', c => c.json(proposalSummary(db, c.get('viewer')), 200))
    .post('/proposals/seen', c => c.json(markDecisionsSeen(db, c.get('viewer')), 200))
    .get('/proposals', zValidator('query', proposalListQuerySchema), (c) => {
      const { view } = c.req.valid('query')
      return c.json({ proposals: listProposals(db, c.get('viewer'), view) }, 200)
    })
    .post('/proposals', zValidator('json', createProposalSchema), (c) => {
      return c.json(createProposal(db, c.get('viewer'), c.req.valid('json')), 201)
    })
    .get('/proposals/:id', zValidator('param', idParamSchema), (c) => {
      const viewer = c.get('viewer')
      return c.json(toProposalView(db, viewer, requireReadableProposal(db, viewer, c.req.valid('param').id)), 200)
    })
    .post('/proposals/:id/approve', zValidator('param', idParamSchema), zValidator('json', approveProposalSchema), (c) => {
      return c.json(approveProposal(db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json'), hooks), 200)
    })
    .post('/proposals/:id/reject', zValidator('param', idParamSchema), zValidator('json', rejectProposalSchema), (c) => {
      return c.json(rejectProposal(db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').reason), 200)
    })
    .post('/proposals/:id/withdraw', zValidator('param', idParamSchema), (c) => {
      return c.json(withdrawProposal(db, c.get('viewer'), c.req.valid('param').id), 200)
    })
}
