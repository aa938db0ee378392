import type { JsSignature } from '@app/shared'
import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { createHash, randomBytes } from 'node:crypto'
import { jsSignatureQuerySchema } from '@app/shared'
import { Hono } from 'hono'
import { AppError } from '../lib/errors.ts'
import { zValidator } from '../lib/validator.ts'
import { wecomFailed } from './errors.ts'

/**
 * WeCom's JS-SDK signature: sha1 of `jsapi_ticket=T&noncestr=N&timestamp=TS&url=URL`, in
 * that order, the URL without its `#fragment` and not encoded.
 */
export function signJsApi(ticket: string, nonceStr: string, timestamp: number, url: string): string {
  const plain = `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url.split('#')[0]}`
  return createHash('sha1').update(plain).digest('hex')
}

function signed(ticket: string, url: string) {
  const nonceStr = randomBytes(12).toString('base64url')
  const timestamp = Math.floor(Date.now() / 1000)
  return { timestamp, nonceStr, signature: signJsApi(ticket, nonceStr, timestamp, url) }
}

/** `GET /wecom/js-signature?url=` under /api (session required): both signatures for ww.register. */
export function jsSignatureRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>()
  const live = deps.wecom
  if (!live) return routes
  const ownOrigins = new Set([new URL(live.config.PUBLIC_BASE_URL).origin])
  return routes.get('/wecom/js-signature', zValidator('query', jsSignatureQuerySchema), async (c) => {
    const { url } = c.req.valid('query')
    // Sign only our own pages: a signature for someone else's URL is of no use to us.
    const origin = new URL(url).origin
    if (!ownOrigins.has(origin) && origin !== new URL(c.req.url).origin)
      throw new AppError(422, 'RULE_VIOLATION', '只能为本应用的页面签名')
    const [corpTicket, agentTicket] = await Promise.all([live.api.jsapiTicket(), live.api.agentTicket()]).catch(wecomFailed)
    const body: JsSignature = {
      corpId: live.config.WECOM_CORP_ID,
      agentId: Number(live.config.WECOM_AGENT_ID),
      corp: signed(corpTicket, url),
      agent: signed(agentTicket, url),
    }
    return c.json(body, 200)
  })
}
