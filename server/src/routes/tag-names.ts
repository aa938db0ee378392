import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { nameCheckRequestSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { checkTagName } from '../services/name-check.ts'

export function tagNameRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/tag-names/check', zValidator('json', nameCheckRequestSchema), (c) => {
      return c.json(checkTagName(deps.db, c.get('viewer'), c.req.valid('json')), 200)
    })
}
