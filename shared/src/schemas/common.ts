import { z } from 'zod'

/** Database ids travel as positive integers. Path params arrive as strings, hence the coercion. */
export const idSchema = z.number().int().positive().max(2 ** 31 - 1)
export const idParamSchema = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) })

/** WeCom external user ids are ASCII tokens (wm…/wo…); refuse anything else early. */
export const externalUserIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/, '客户 ID 格式不正确')
export const userIdSchema = z.string().min(1).max(64).regex(/^[\w.@-]+$/, '成员 ID 格式不正确')

export const customerParamSchema = z.object({ externalUserId: externalUserIdSchema })
