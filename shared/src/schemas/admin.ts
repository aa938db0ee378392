import { z } from 'zod'
import { idSchema, userIdSchema } from './common.ts'
import { nameIssueSchema } from './tag-names.ts'

/** Request and response shapes of the admin pages (issue 4). All endpoints live under /api/admin. */

export const ACCESS_TARGET_TYPES = ['department', 'member', 'role'] as const
export const accessRuleSchema = z.object({
  targetType: z.enum(ACCESS_TARGET_TYPES),
  targetId: z.string().min(1).max(64),
}).strict()
export type AccessRuleInput = z.infer<typeof accessRuleSchema>

const nameInput = z.string().max(200)

export const createGroupSchema = z.object({
  name: nameInput,
  parentId: idSchema.nullable().optional(),
}).strict()
export type CreateGroupInput = z.infer<typeof createGroupSchema>

export const updateGroupSchema = z.object({
  name: nameInput.optional(),
  /** null = move to the top level. */
  parentId: idSchema.nullable().optional(),
}).strict()
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>

/** Reorder among siblings: one step up/down, or to an explicit 0-based position. */
export const moveSchema = z.object({
  direction: z.enum(['up', 'down']).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
}).strict().refine(m => (m.direction === undefined) !== (m.position === undefined), '请给出 direction 或 position 之一')
export type MoveInput = z.infer<typeof moveSchema>

export const groupSettingsSchema = z.object({
  scope: z.array(accessRuleSchema).max(200),
  editors: z.array(accessRuleSchema).max(200),
  locked: z.boolean(),
  exclusive: z.boolean(),
}).strict()
export type GroupSettingsInput = z.infer<typeof groupSettingsSchema>

export const createTagSchema = z.object({ groupId: idSchema, name: nameInput }).strict()
export type CreateTagInput = z.infer<typeof createTagSchema>

export const updateTagSchema = z.object({ name: nameInput.optional(), groupId: idSchema.optional() }).strict()
export type UpdateTagInput = z.infer<typeof updateTagSchema>

export const adminTagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  customerCount: z.number().int(),
})
export type AdminTag = z.infer<typeof adminTagSchema>

export const adminGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  path: z.array(z.string()),
  depth: z.number().int(),
  sortOrder: z.number().int(),
  locked: z.boolean(),
  exclusive: z.boolean(),
  scope: z.array(accessRuleSchema),
  editors: z.array(accessRuleSchema),
  /** "仅市场部可见" / "全员可见": the rules as people read them. */
  scopeText: z.string(),
  editorsText: z.string(),
  tagCount: z.number().int(),
  tags: z.array(adminTagSchema),
})
export type AdminGroup = z.infer<typeof adminGroupSchema>

export const libraryTreeSchema = z.object({
  groups: z.array(adminGroupSchema),
  quota: z.object({ used: z.number().int(), max: z.number().int() }),
})
export type LibraryTree = z.infer<typeof libraryTreeSchema>

/** A write to the library: the row written and the name warnings (similar names, long group name). */
export const libraryWriteResultSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  warnings: z.array(nameIssueSchema),
})
export type LibraryWriteResult = z.infer<typeof libraryWriteResultSchema>

export const ACCESS_EFFECTS = ['lose_view', 'gain_view', 'lose_edit', 'gain_edit'] as const
export const accessPreviewSchema = z.object({
  changes: z.array(z.object({
    effect: z.enum(ACCESS_EFFECTS),
    department: z.string(),
    members: z.array(z.object({ userId: z.string(), name: z.string() })),
    /** "售后部 1 人将看不到此标签组：赵六". */
    message: z.string(),
  })),
  unchanged: z.boolean(),
})
export type AccessPreview = z.infer<typeof accessPreviewSchema>

export const whyQuerySchema = z.object({ userId: userIdSchema, groupId: z.coerce.number().int().positive().max(2 ** 31 - 1) })
export const whyAnswerSchema = z.object({
  member: z.object({ userId: z.string(), name: z.string(), departments: z.array(z.string()) }),
  group: z.object({ id: z.number().int(), path: z.array(z.string()) }),
  visible: z.boolean(),
  editable: z.boolean(),
  /** The rule that decided, in words. */
  rule: z.string(),
  answer: z.string(),
})
export type WhyAnswer = z.infer<typeof whyAnswerSchema>

export const recycleItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['group', 'tag']),
  name: z.string(),
  deletedBy: z.string(),
  deletedByName: z.string(),
  deletedAt: z.number().int(),
  expiresAt: z.number().int(),
  tagCount: z.number().int(),
  assignmentCount: z.number().int(),
  status: z.enum(['in_bin', 'restored', 'purged']),
})
export type RecycleItem = z.infer<typeof recycleItemSchema>

export const restoreResultSchema = z.object({
  kind: z.enum(['group', 'tag']),
  id: z.number().int(),
  name: z.string(),
  /** Set when the old name was taken meanwhile and the item came back as "华东（恢复）". */
  renamedFrom: z.string().nullable(),
  /** Set when the parent group is gone and the group came back at the top level. */
  movedToTop: z.boolean(),
  assignmentsRestored: z.number().int(),
  /** Assignments not restored: the customer is gone, or holds another tag of an exclusive group. */
  assignmentsSkipped: z.number().int(),
})
export type RestoreResult = z.infer<typeof restoreResultSchema>

const isoOrMs = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }), z.iso.date()])
export const auditQuerySchema = z.object({
  actor: userIdSchema.optional(),
  /** Exact action ("tag.create") or a family ("tag."). */
  action: z.string().max(64).regex(/^[a-z_.]+$/).optional(),
  groupId: z.coerce.number().int().positive().optional(),
  tagId: z.coerce.number().int().positive().optional(),
  customer: z.string().max(64).regex(/^[\w-]+$/).optional(),
  from: isoOrMs.optional(),
  to: isoOrMs.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  customerId: z.string().nullable(),
  groupId: z.number().int().nullable(),
  tagId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditEntryView = z.infer<typeof auditEntrySchema>
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
export type AuditPage = z.infer<typeof auditPageSchema>

export const roleChangeSchema = z.object({
  userId: userIdSchema,
  role: z.enum(['admin', 'approver']),
  /** Required for approver: the department (with its sub-departments) they decide for. */
  departmentId: idSchema.optional(),
}).strict().refine(r => (r.role === 'approver') === (r.departmentId !== undefined), '审批人需要指定部门，管理员不需要')
export type RoleChange = z.infer<typeof roleChangeSchema>

export const directorySchema = z.object({
  departments: z.array(z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable(), memberCount: z.number().int() })),
  members: z.array(z.object({
    userId: z.string(),
    name: z.string(),
    active: z.boolean(),
    departments: z.array(z.object({ id: z.number().int(), name: z.string() })),
    admin: z.boolean(),
    approverOf: z.array(z.object({ id: z.number().int(), name: z.string() })),
  })),
})
export type Directory = z.infer<typeof directorySchema>
