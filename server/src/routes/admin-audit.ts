import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { auditQuerySchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { queryAuditLog } from '../services/admin/audit-query.ts'

/** The audit log for admins: filters, newest first, paginated; never personal-tag events. */
export function adminAuditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/admin/audit', zValidator('query', auditQuerySchema), c => c.json(queryAuditLog(deps.db, c.req.valid('query')), 200))
}
