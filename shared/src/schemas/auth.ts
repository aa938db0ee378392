import { z } from 'zod'
import { ROLES } from '../constants.ts'
import { userIdSchema } from './common.ts'

export const demoLoginSchema = z.object({ userId: userIdSchema }).strict()
export type DemoLogin = z.infer<typeof demoLoginSchema>

export const departmentRefSchema = z.object({ id: z.number().int(), name: z.string() })

export const meSchema = z.object({
  userId: z.string(),
  name: z.string(),
  avatar: z.string().nullable(),
  departments: z.array(departmentRefSchema),
  roles: z.array(z.enum(ROLES)),
  /** Departments whose members' proposals this member decides (approvers). */
  approverOf: z.array(departmentRefSchema),
})
export type Me = z.infer<typeof meSchema>

export const healthSchema = z.object({ ok: z.literal(true), mode: z.enum(['demo', 'live']) })
export type Health = z.infer<typeof healthSchema>

/** Demo mode only: who can be picked in the demo bar. */
export const demoDirectorySchema = z.object({
  members: z.array(z.object({ userId: z.string(), name: z.string(), department: z.string() })),
  customers: z.array(z.object({ externalUserId: z.string(), name: z.string(), followers: z.array(z.string()) })),
})
export type DemoDirectory = z.infer<typeof demoDirectorySchema>
