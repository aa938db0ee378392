import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { Hono } from 'hono'
import { adminAccessRoutes } from './admin-access.ts'
import { adminAuditRoutes } from './admin-audit.ts'
import { adminGroupRoutes } from './admin-groups.ts'
import { adminRecycleBinRoutes } from './admin-recycle-bin.ts'
import { adminRoleRoutes } from './admin-roles.ts'
import { adminTagRoutes } from './admin-tags.ts'

/** The /api/admin endpoints of issue 4; app.ts requires the admin role for all of /api/admin. */
export function adminRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route('/', adminGroupRoutes(deps))
    .route('/', adminTagRoutes(deps))
    .route('/', adminAccessRoutes(deps))
    .route('/', adminRecycleBinRoutes(deps))
    .route('/', adminAuditRoutes(deps))
    .route('/', adminRoleRoutes(deps))
}
