import type { AppEnv } from '../auth/session.ts'
import type { Db } from '../db/client.ts'
import type { AppDeps } from '../deps.ts'
import type { WecomApi } from './client.ts'
import type { CallbackSecrets } from './callback-crypto.ts'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import * as t from '../db/schema.ts'
import { CallbackRefused, openEnvelope, parseXml } from './callback-crypto.ts'
import { handleEvent } from './callback-events.ts'

/** A stable identity for an event, so WeCom's retries and replays are recognised. */
export function eventKey(ev: Record<string, string>): string {
  return [ev.Event, ev.ChangeType, ev.UserID, ev.ExternalUserID, ev.TagType, ev.Id, ev.StrategyId, ev.CreateTime].map(x => x ?? '').join('|')
}

/**
 * `GET/POST /wecom/callback`: WeCom's URL check and its event posts. Outside /api and its
 * CSRF check (WeCom posts server to server); trust comes from the signature instead.
 * Events are acknowledged at once and processed after, one at a time, in arrival order.
 */
export function callbackRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>()
  const live = deps.wecom
  if (!live) return routes
  const secrets: CallbackSecrets = { token: live.config.WECOM_CALLBACK_TOKEN, aesKey: live.config.WECOM_ENCODING_AES_KEY, corpId: live.config.WECOM_CORP_ID }
  const windowS = live.config.WECOM_CALLBACK_WINDOW_S
  let chain = Promise.resolve()
  const refuse = (err: unknown) => {
    if (err instanceof CallbackRefused) return new Response(err.message, { status: err.status })
    throw err
  }
  return routes
    .get('/wecom/callback', (c) => {
      try {
        return c.text(openEnvelope(secrets, c.req.query(), c.req.query('echostr') ?? ''), 200)
      }
      catch (err) {
        return refuse(err)
      }
    })
    .post('/wecom/callback', async (c) => {
      try {
        const body = await c.req.text()
        if (body.length > 64 * 1024) throw new CallbackRefused(400, 'body too large')
        const q = c.req.query()
        const envelope = parseXml(body)
        const event = parseXml(openEnvelope(secrets, q, envelope.Encrypt ?? ''))
        // A signed message from long ago is a replay, not WeCom.
        if (Math.abs(Date.now() / 1000 - Number(q.timestamp)) > windowS) throw new CallbackRefused(403, 'stale timestamp')
        const key = eventKey(event)
        const fresh = deps.db.insert(t.wecomEvents).values({ eventKey: key, receivedAt: new Date(), payload: event })
          .onConflictDoNothing().returning({ id: t.wecomEvents.id }).get()
        // Seen before (WeCom retries within 5 s if unsure): acknowledge, change nothing.
        if (fresh) chain = chain.then(() => process(deps.db, live.api, fresh.id, event, deps.config.RECYCLE_RETENTION_DAYS))
        return c.text('success', 200)
      }
      catch (err) {
        return refuse(err)
      }
    })
}

async function process(db: Db, api: WecomApi, id: number, event: Record<string, string>, retentionDays: number) {
  try {
    await handleEvent(db, api, event, retentionDays)
    db.update(t.wecomEvents).set({ processedAt: new Date() }).where(eq(t.wecomEvents.id, id)).run()
  }
  catch (err) {
    console.error('[wecom] callback event failed', event.Event, event.ChangeType, (err as Error).message)
  }
}
