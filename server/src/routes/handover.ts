import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { handoverSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { transferCustomers } from '../services/handover.ts'

/** Admin handover of customers between members; WeCom's transfer events call the same service. */
export function handoverRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/admin/handover', zValidator('json', handoverSchema), (c) => {
      const body = c.req.valid('json')
      return c.json(transferCustomers(deps.db, { ...body, actorId: c.get('viewer').userId, source: 'admin' }), 200)
    })
}
