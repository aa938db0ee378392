import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { createTagSchema, idParamSchema, moveSchema, updateTagSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { deleteTag } from '../services/admin/recycle-bin.ts'
import { createTag, moveTag, updateTag } from '../services/admin/tags.ts'

/** Corporate tags: create, rename/move to another group, reorder, delete to the bin. */
export function adminTagRoutes(deps: AppDeps) {
  const { db, hooks } = deps
  return new Hono<AppEnv>()
    .post('/admin/tags', zValidator('json', createTagSchema), (c) => {
      return c.json(createTag(db, c.get('viewer').userId, c.req.valid('json'), hooks), 201)
    })
    .patch('/admin/tags/:id', zValidator('param', idParamSchema), zValidator('json', updateTagSchema), (c) => {
      return c.json(updateTag(db, c.get('viewer').userId, c.req.valid('param').id, c.req.valid('json'), hooks), 200)
    })
    .post('/admin/tags/:id/move', zValidator('param', idParamSchema), zValidator('json', moveSchema), (c) => {
      return c.json(moveTag(db, c.get('viewer').userId, c.req.valid('param').id, c.req.valid('json')), 200)
    })
    .delete('/admin/tags/:id', zValidator('param', idParamSchema), (c) => {
      return c.json(deleteTag(db, c.get('viewer').userId, c.req.valid('param').id, deps.config.RECYCLE_RETENTION_DAYS, hooks), 200)
    })
}
