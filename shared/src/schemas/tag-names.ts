import { z } from 'zod'
import { TAG_KINDS } from '../constants.ts'
import { idSchema } from './common.ts'

export const similarTagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(TAG_KINDS),
  /** For corporate tags: the group path, so "华东" in 区域 is told apart from one elsewhere. */
  group: z.string().optional(),
})
export type SimilarTag = z.infer<typeof similarTagSchema>

export const NAME_ISSUE_CODES = ['EMPTY', 'FORBIDDEN_CHAR', 'TOO_LONG', 'LONG_NAME', 'DUPLICATE', 'SIMILAR', 'VAGUE', 'QUOTA'] as const

export const nameIssueSchema = z.object({
  code: z.enum(NAME_ISSUE_CODES),
  message: z.string(),
  similar: z.array(similarTagSchema).optional(),
  chars: z.array(z.string()).optional(),
})
export type NameIssue = z.infer<typeof nameIssueSchema>

export const nameCheckRequestSchema = z.object({
  name: z.string().max(200),
  kind: z.enum(TAG_KINDS),
  groupId: idSchema.optional(),
  /** Renaming: the tag being renamed is not its own duplicate. */
  tagId: idSchema.optional(),
}).strict()
export type NameCheckRequest = z.infer<typeof nameCheckRequestSchema>

export const nameCheckResultSchema = z.object({
  valid: z.boolean(),
  /** The cleaned name that would be stored. */
  name: z.string(),
  errors: z.array(nameIssueSchema),
  warnings: z.array(nameIssueSchema),
})
export type NameCheckResult = z.infer<typeof nameCheckResultSchema>
