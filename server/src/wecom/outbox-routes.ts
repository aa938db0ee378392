import type { WecomFailure } from '@app/shared'
import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { customerParamSchema, idParamSchema } from '@app/shared'
import { and, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import * as t from '../db/schema.ts'
import { notFound } from '../lib/errors.ts'
import { zValidator } from '../lib/validator.ts'
import { requireCustomer } from '../services/customer-tags.ts'
import { customerSyncState } from './outbox.ts'

const again = { status: 'pending' as const, attempts: 0, lastError: null }

/**
 * Failures are visible and retryable: admins list every change that gave up
 * (`/admin/wecom/failures`), a follower retries their customer's from the sidebar.
 */
export function outboxRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>()
  const live = deps.wecom
  if (!live) return routes
  const { db } = deps
  return routes
    .get('/admin/wecom/failures', (c) => {
      const rows = db.select({ row: t.wecomOutbox, customerName: t.customers.name }).from(t.wecomOutbox)
        .leftJoin(t.customers, eq(t.customers.externalUserId, t.wecomOutbox.externalUserId))
        .where(eq(t.wecomOutbox.status, 'failed')).orderBy(desc(t.wecomOutbox.id)).limit(500).all()
      const failures: WecomFailure[] = rows.map(({ row, customerName }) => ({
        id: row.id,
        kind: row.kind,
        userId: row.userId,
        externalUserId: row.externalUserId,
        customerName,
        payload: row.payload,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.getTime(),
      }))
      return c.json({ failures }, 200)
    })
    .post('/admin/wecom/failures/:id/retry', zValidator('param', idParamSchema), (c) => {
      const { id } = c.req.valid('param')
      const done = db.update(t.wecomOutbox).set({ ...again, nextAttemptAt: new Date() })
        .where(and(eq(t.wecomOutbox.id, id), eq(t.wecomOutbox.status, 'failed'))).returning({ id: t.wecomOutbox.id }).all()
      if (done.length === 0) throw notFound('没有这条失败的同步')
      live.wake()
      return c.json({ retried: done.length }, 200)
    })
    .post('/customers/:externalUserId/sync/retry', zValidator('param', customerParamSchema), (c) => {
      const { externalUserId } = c.req.valid('param')
      requireCustomer(db, c.get('viewer'), externalUserId)
      const done = db.update(t.wecomOutbox).set({ ...again, nextAttemptAt: new Date() })
        .where(and(eq(t.wecomOutbox.externalUserId, externalUserId), eq(t.wecomOutbox.status, 'failed'))).returning({ id: t.wecomOutbox.id }).all()
      live.wake()
      return c.json({ retried: done.length, sync: customerSyncState(db, externalUserId) }, 200)
    })
}
