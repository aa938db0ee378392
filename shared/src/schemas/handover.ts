import { z } from 'zod'
import { externalUserIdSchema, userIdSchema } from './common.ts'

/** Most customers one handover request may move (WeCom's own transfer API takes 100 per call). */
export const HANDOVER_MAX_CUSTOMERS = 10_000

/** Admin handover (and, when live, WeCom's transfer events): customers move between members. */
export const handoverSchema = z.object({
  fromUserId: userIdSchema,
  toUserId: userIdSchema,
  externalUserIds: z.array(externalUserIdSchema).min(1, '请至少选择一位客户').max(HANDOVER_MAX_CUSTOMERS),
}).strict().refine(h => h.fromUserId !== h.toUserId, { message: '交接双方不能是同一个成员' })
export type Handover = z.infer<typeof handoverSchema>

export const handoverResultSchema = z.object({
  /** Follow relations moved to the new owner. */
  moved: z.number().int(),
  /** Customers the previous owner no longer followed (already handed over, or never). */
  notFollowed: z.number().int(),
  /** Ids not in the customer list; skipped. */
  unknown: z.array(z.string()),
  tagsCreated: z.number().int(),
  tagsReused: z.number().int(),
  assignmentsCopied: z.number().int(),
})
export type HandoverResult = z.infer<typeof handoverResultSchema>
