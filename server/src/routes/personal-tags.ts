import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { createPersonalTagSchema, idParamSchema, updatePersonalTagSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { createPersonalTag, deletePersonalTag, listPersonalTags, renamePersonalTag } from '../services/personal-tags.ts'

export function personalTagRoutes(deps: AppDeps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/personal-tags', c => c.json(listPersonalTags(db, c.get('viewer')), 200))
    .post('/personal-tags', zValidator('json', createPersonalTagSchema), (c) => {
      const { name } = c.req.valid('json')
      return c.json(createPersonalTag(db, c.get('viewer'), name, deps.config.PERSONAL_TAG_CAP), 201)
    })
    .patch('/personal-tags/:id', zValidator('param', idParamSchema), zValidator('json', updatePersonalTagSchema), (c) => {
      const { id } = c.req.valid('param')
      return c.json(renamePersonalTag(db, c.get('viewer'), id, c.req.valid('json').name), 200)
    })
    .delete('/personal-tags/:id', zValidator('param', idParamSchema), (c) => {
      const { id } = c.req.valid('param')
      return c.json(deletePersonalTag(db, c.get('viewer'), id), 200)
    })
}
