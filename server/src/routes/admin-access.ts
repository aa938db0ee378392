import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { whyQuerySchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { explainAccess } from '../services/admin/group-settings.ts'

/** "Why can't X see/edit this group?" — answered by the same resolver the sidebar uses. */
export function adminAccessRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/admin/access/why', zValidator('query', whyQuerySchema), (c) => {
      const { userId, groupId } = c.req.valid('query')
      return c.json(explainAccess(deps.db, userId, groupId), 200)
    })
}
