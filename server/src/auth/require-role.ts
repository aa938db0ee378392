import type { Role } from '@app/shared'
import type { AppEnv } from './session.ts'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../lib/errors.ts'

const ROLE_NAMES: Record<Role, string> = { admin: '管理员', approver: '审批人', staff: '成员' }

/** Refuses with 403 unless the session's member holds `role`. Mount after requireSession. */
export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get('viewer').roles.has(role)) throw new AppError(403, 'FORBIDDEN', `需要${ROLE_NAMES[role]}权限`)
    await next()
  })
}
