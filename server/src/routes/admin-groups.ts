import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { createGroupSchema, groupSettingsSchema, idParamSchema, moveSchema, updateGroupSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { previewGroupSettings, setGroupSettings } from '../services/admin/group-settings.ts'
import { createGroup, moveGroup, updateGroup } from '../services/admin/groups.ts'
import { getLibraryTree } from '../services/admin/library-tree.ts'
import { deleteGroup } from '../services/admin/recycle-bin.ts'
import { sortTagsByUsage } from '../services/admin/tags.ts'

/** The tag library's groups: tree, create, rename/nest, reorder, settings (with preview), delete to the bin. */
export function adminGroupRoutes(deps: AppDeps) {
  const { db, hooks } = deps
  return new Hono<AppEnv>()
    .get('/admin/library', c => c.json(getLibraryTree(db), 200))
    .post('/admin/groups', zValidator('json', createGroupSchema), (c) => {
      return c.json(createGroup(db, c.get('viewer').userId, c.req.valid('json'), hooks), 201)
    })
    .patch('/admin/groups/:id', zValidator('param', idParamSchema), zValidator('json', updateGroupSchema), (c) => {
      return c.json(updateGroup(db, c.get('viewer').userId, c.req.valid('param').id, c.req.valid('json'), hooks), 200)
    })
    .post('/admin/groups/:id/move', zValidator('param', idParamSchema), zValidator('json', moveSchema), (c) => {
      return c.json(moveGroup(db, c.get('viewer').userId, c.req.valid('param').id, c.req.valid('json')), 200)
    })
    .post('/admin/groups/:id/sort-tags-by-usage', zValidator('param', idParamSchema), (c) => {
      return c.json(sortTagsByUsage(db, c.get('viewer').userId, c.req.valid('param').id), 200)
    })
    .post('/admin/groups/:id/settings/preview', zValidator('param', idParamSchema), zValidator('json', groupSettingsSchema), (c) => {
      return c.json(previewGroupSettings(db, c.req.valid('param').id, c.req.valid('json')), 200)
    })
    .put('/admin/groups/:id/settings', zValidator('param', idParamSchema), zValidator('json', groupSettingsSchema), (c) => {
      return c.json(setGroupSettings(db, c.get('viewer').userId, c.req.valid('param').id, c.req.valid('json')), 200)
    })
    .delete('/admin/groups/:id', zValidator('param', idParamSchema), (c) => {
      return c.json(deleteGroup(db, c.get('viewer').userId, c.req.valid('param').id, deps.config.RECYCLE_RETENTION_DAYS, hooks), 200)
    })
}
