import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { demoLoginSchema } from '@app/shared'
import { Hono } from 'hono'
import { endSession, requireSession, startSession } from '../auth/session.ts'
import { AppError } from '../lib/errors.ts'
import { zValidator } from '../lib/validator.ts'
import { loadViewer } from '../services/access.ts'
import { demoDirectory, toMe } from '../services/members.ts'

export function authRoutes(deps: AppDeps) {
  const session = { secret: deps.sessionSecret, ttlMs: deps.config.SESSION_TTL_HOURS * 3600_000, secure: deps.config.PUBLIC_BASE_URL?.startsWith('https:') ?? false }
  const demoOnly = () => {
    if (deps.config.mode !== 'demo') throw new AppError(403, 'DEMO_ONLY', '演示登录仅在演示模式下可用')
  }
  return new Hono<AppEnv>()
    .post('/auth/demo', zValidator('json', demoLoginSchema), async (c) => {
      demoOnly()
      const { userId } = c.req.valid('json')
      const viewer = loadViewer(deps.db, userId)
      if (!viewer) throw new AppError(404, 'NOT_FOUND', `成员 ${userId} 不存在`)
      await startSession(c, session, userId)
      return c.json(toMe(deps.db, viewer), 200)
    })
    .post('/auth/logout', (c) => {
      endSession(c)
      return c.json({ ok: true }, 200)
    })
    .get('/demo/directory', (c) => {
      demoOnly()
      return c.json(demoDirectory(deps.db), 200)
    })
    .get('/me', requireSession(deps.db, deps.sessionSecret), (c) => {
      return c.json(toMe(deps.db, c.get('viewer')), 200)
    })
}
