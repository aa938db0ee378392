import { z } from 'zod'
import { LIMITS, TAG_SOURCES } from '../constants.ts'
import { externalUserIdSchema, idSchema } from './common.ts'

export const customerSchema = z.object({
  externalUserId: z.string(),
  name: z.string(),
  avatar: z.string().nullable(),
  corpName: z.string().nullable(),
  /** 1 = WeChat user, 2 = WeCom user (WeCom's own values). */
  type: z.number().int(),
})
export type Customer = z.infer<typeof customerSchema>

export const corporateTagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  selected: z.boolean(),
  /** Who marked it and when, for the selected ones. */
  markedBy: z.string().nullable().optional(),
  markedAt: z.number().int().nullable().optional(),
  source: z.enum(TAG_SOURCES).nullable().optional(),
})
export type CorporateTag = z.infer<typeof corporateTagSchema>

export const NOT_EDITABLE_REASONS = ['LOCKED', 'NOT_EDITOR'] as const

export const corporateGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Names from the root group down to this one: ["消费偏好","母婴类","奶粉段位"]. */
  path: z.array(z.string()),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  locked: z.boolean(),
  exclusive: z.boolean(),
  editable: z.boolean(),
  reasonCode: z.enum(NOT_EDITABLE_REASONS).nullable(),
  /** Shown to the user: "已锁定，仅管理员可修改", "该标签组仅售后部可编辑". */
  reason: z.string().nullable(),
  tags: z.array(corporateTagSchema),
})
export type CorporateGroup = z.infer<typeof corporateGroupSchema>

export const personalTagOnCustomerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  selected: z.boolean(),
  note: z.string().nullable(),
  /** Handover: the previous owner whose tag this came from ("来自 张三"). */
  fromName: z.string().nullable().optional(),
})
export type PersonalTagOnCustomer = z.infer<typeof personalTagOnCustomerSchema>

export const customerTagsSchema = z.object({
  customer: customerSchema,
  /** Whether the acting member follows this customer (WeCom only lets followers mark tags). */
  following: z.boolean(),
  corporate: z.object({ groups: z.array(corporateGroupSchema) }),
  personal: z.object({ tags: z.array(personalTagOnCustomerSchema), total: z.number().int() }),
  /** Live mode: this customer's pending WeCom sync state. */
  sync: z.object({ state: z.enum(['synced', 'pending', 'failed']), pending: z.number().int(), failed: z.number().int() }).optional(),
})
export type CustomerTags = z.infer<typeof customerTagsSchema>

const tagIdList = z.array(idSchema).max(LIMITS.deltaMaxIds)

export const corporateDeltaSchema = z.object({
  add: tagIdList.default([]),
  remove: tagIdList.default([]),
}).strict().refine(d => d.add.length + d.remove.length > 0, { message: 'add 和 remove 不能都为空' })
export type CorporateDelta = z.input<typeof corporateDeltaSchema>

export const personalAssignSchema = z.object({
  note: z.string().max(LIMITS.noteMaxLength, `备注最多 ${LIMITS.noteMaxLength} 字`).nullable().optional(),
}).strict()
export type PersonalAssign = z.infer<typeof personalAssignSchema>

export const personalTagParamSchema = z.object({
  externalUserId: externalUserIdSchema,
  tagId: z.coerce.number().int().positive().max(2 ** 31 - 1),
})

/** What DELETE returns, so the page's undo can put it back exactly. */
export const personalUnassignResultSchema = z.object({
  removed: z.object({ tagId: z.number().int(), name: z.string(), note: z.string().nullable() }),
})
export type PersonalUnassignResult = z.infer<typeof personalUnassignResultSchema>
