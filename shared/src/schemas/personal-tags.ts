import { z } from 'zod'

export const personalTagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Customers of the owner carrying it. */
  customerCount: z.number().int(),
  createdAt: z.number().int(),
})
export type PersonalTag = z.infer<typeof personalTagSchema>

export const personalTagListSchema = z.object({
  tags: z.array(personalTagSchema),
  /** Set past LIMITS.personalTagWarnCount: the page shows it. */
  warning: z.string().nullable(),
})
export type PersonalTagList = z.infer<typeof personalTagListSchema>

export const createPersonalTagSchema = z.object({ name: z.string().max(200) }).strict()
export type CreatePersonalTag = z.infer<typeof createPersonalTagSchema>

export const updatePersonalTagSchema = z.object({ name: z.string().max(200) }).strict()
export type UpdatePersonalTag = z.infer<typeof updatePersonalTagSchema>

export const personalTagWriteResultSchema = z.object({
  tag: personalTagSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
})
export type PersonalTagWriteResult = z.infer<typeof personalTagWriteResultSchema>

/** What DELETE /api/personal-tags/:id removed: the tag and how many customers carried it. */
export const personalTagDeleteResultSchema = z.object({
  removed: z.object({ id: z.number().int(), name: z.string(), assignments: z.number().int() }),
})
export type PersonalTagDeleteResult = z.infer<typeof personalTagDeleteResultSchema>
