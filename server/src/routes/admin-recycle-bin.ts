import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { idParamSchema } from '@app/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import { zValidator } from '../lib/validator.ts'
import { listRecycleBin, purgeDeletion } from '../services/admin/recycle-bin.ts'
import { restoreDeletion } from '../services/admin/recycle-restore.ts'

/** The recycle bin: list, restore (with every assignment), purge for good. */
export function adminRecycleBinRoutes(deps: AppDeps) {
  const { db, hooks } = deps
  return new Hono<AppEnv>()
    .get('/admin/recycle-bin', zValidator('query', z.object({ all: z.enum(['0', '1']).optional() })), (c) => {
      return c.json({ items: listRecycleBin(db, { includeClosed: c.req.valid('query').all === '1' }), retentionDays: deps.config.RECYCLE_RETENTION_DAYS }, 200)
    })
    .post('/admin/recycle-bin/:id/restore', zValidator('param', idParamSchema), (c) => {
      return c.json(restoreDeletion(db, c.get('viewer').userId, c.req.valid('param').id, hooks), 200)
    })
    .delete('/admin/recycle-bin/:id', zValidator('param', idParamSchema), (c) => {
      return c.json(purgeDeletion(db, c.get('viewer').userId, c.req.valid('param').id), 200)
    })
}
