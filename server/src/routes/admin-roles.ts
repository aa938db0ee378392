import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { roleChangeSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { getDirectory, grantRole, revokeRole } from '../services/admin/roles.ts'

/** Who is admin and who approves for which departments; the directory also feeds the scope pickers. */
export function adminRoleRoutes(deps: AppDeps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/admin/directory', c => c.json(getDirectory(db), 200))
    .post('/admin/roles/grant', zValidator('json', roleChangeSchema), c => c.json(grantRole(db, c.get('viewer').userId, c.req.valid('json')), 200))
    .post('/admin/roles/revoke', zValidator('json', roleChangeSchema), c => c.json(revokeRole(db, c.get('viewer').userId, c.req.valid('json')), 200))
}
