import { z } from 'zod'
import { idSchema } from './common.ts'
import { similarTagSchema } from './tag-names.ts'

/** pending → approved | rejected | withdrawn; every decision is final (DESIGN §3 "Promotion"). */
export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const PROPOSAL_DECISIONS = ['create', 'merge', 'reject'] as const
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number]

export const MIGRATE_SCOPES = ['proposer', 'all'] as const
export type MigrateScope = (typeof MIGRATE_SCOPES)[number]

export const REASON_MAX_LENGTH = 500

const reasonSchema = z.string().trim().min(1, '请填写理由').max(REASON_MAX_LENGTH, `理由最多 ${REASON_MAX_LENGTH} 字`)
const nameInput = z.string().max(200)

/** A member proposes one of their personal tags for an existing group or a new one. */
export const createProposalSchema = z.object({
  personalTagId: idSchema,
  proposedName: nameInput,
  targetGroupId: idSchema.optional(),
  newGroupName: nameInput.optional(),
  reason: reasonSchema,
}).strict().refine(p => (p.targetGroupId === undefined) !== (p.newGroupName === undefined), {
  message: '请选择一个标签组，或填写新标签组名称（二选一）',
})
export type CreateProposal = z.infer<typeof createProposalSchema>

/**
 * The approver's decision. `create` makes the tag (in `groupId` if given, else the requested
 * group), optionally under another `name`; `merge` folds it into `mergeTagId`.
 */
export const approveProposalSchema = z.object({
  decision: z.enum(['create', 'merge']),
  mergeTagId: idSchema.optional(),
  groupId: idSchema.optional(),
  name: nameInput.optional(),
  migrateScope: z.enum(MIGRATE_SCOPES),
  retirePersonal: z.boolean(),
}).strict().refine(a => a.decision !== 'merge' || a.mergeTagId !== undefined, { message: '合并时请选择已有的企业标签' })
export type ApproveProposal = z.infer<typeof approveProposalSchema>

export const rejectProposalSchema = z.object({ reason: reasonSchema }).strict()
export type RejectProposal = z.infer<typeof rejectProposalSchema>

export const proposalListQuerySchema = z.object({ view: z.enum(['mine', 'queue']).default('mine') })

const memberRef = z.object({ userId: z.string(), name: z.string() })

export const proposalSchema = z.object({
  id: z.number().int(),
  status: z.enum(PROPOSAL_STATUSES),
  proposer: memberRef,
  personalTag: z.object({ id: z.number().int(), name: z.string(), retired: z.boolean() }),
  proposedName: z.string(),
  /** The requested group (null when a new group was requested). */
  targetGroup: z.object({ id: z.number().int(), name: z.string(), path: z.array(z.string()) }).nullable(),
  newGroupName: z.string().nullable(),
  reason: z.string(),
  /** Proposer's customers carrying the personal tag (live while pending, as decided after). */
  customerCount: z.number().int(),
  /** Other members' personal tags with the same normalised name: what "migrate all" would add. */
  sameName: z.object({ members: z.number().int(), customers: z.number().int() }),
  /** Corporate tags (visible to the viewer) that resemble the proposed name, best first. */
  similar: z.array(similarTagSchema),
  createdAt: z.number().int(),
  decidedBy: memberRef.nullable(),
  decidedAt: z.number().int().nullable(),
  decision: z.enum(PROPOSAL_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  resultTag: z.object({ id: z.number().int(), name: z.string(), group: z.string() }).nullable(),
  migrateScope: z.enum(MIGRATE_SCOPES).nullable(),
  retirePersonal: z.boolean().nullable(),
  migratedCount: z.number().int().nullable(),
  /** For the proposer: whether this decision is new to them (badge). */
  unseen: z.boolean(),
  /** Whether the viewer may approve or reject it now. */
  canDecide: z.boolean(),
})
export type Proposal = z.infer<typeof proposalSchema>

export const proposalListSchema = z.object({ proposals: z.array(proposalSchema) })
export type ProposalList = z.infer<typeof proposalListSchema>

/** Badge counts: requests waiting for this approver, decisions the proposer has not seen. */
export const proposalSummarySchema = z.object({ pendingToDecide: z.number().int(), unseenDecisions: z.number().int() })
export type ProposalSummary = z.infer<typeof proposalSummarySchema>

/** What an approval did, so the approver sees the counts at once. */
export const migrationResultSchema = z.object({
  tagId: z.number().int(),
  groupId: z.number().int(),
  createdTag: z.boolean(),
  createdGroup: z.boolean(),
  personalTags: z.number().int(),
  customers: z.number().int(),
  alreadyTagged: z.number().int(),
  skippedExclusive: z.number().int(),
  retired: z.number().int(),
  alsoApproved: z.array(z.number().int()),
})
export type MigrationResult = z.infer<typeof migrationResultSchema>

export const approveResultSchema = z.object({ proposal: proposalSchema, migration: migrationResultSchema })
export type ApproveResult = z.infer<typeof approveResultSchema>
