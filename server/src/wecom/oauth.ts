import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { startSession } from '../auth/session.ts'
import * as t from '../db/schema.ts'
import { AppError } from '../lib/errors.ts'
import { loadViewer } from '../services/access.ts'
import { invalidateCatalog } from '../services/catalog.ts'
import { WecomError } from './client.ts'
import { wecomFailed } from './errors.ts'

const STATE_TTL_MS = 10 * 60_000
const NONCE_COOKIE = 'wecom_oauth'

/** Only a path on this site: "/x", never "//host" or "/\host" (an open redirect). */
export function safeRedirect(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\r\n]/.test(path)) return '/'
  return path
}

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(`wecom-oauth:${data}`).digest('base64url')

/** A signed, short-lived OAuth `state` carrying the return path and a nonce bound to a cookie. */
export function signState(secret: string, redirect: string, nonce: string, now = Date.now()): string {
  const data = Buffer.from(JSON.stringify({ r: redirect, n: nonce, e: now + STATE_TTL_MS })).toString('base64url')
  return `${data}.${mac(secret, data)}`
}

export function readState(secret: string, state: string, now = Date.now()): { r: string, n: string } | undefined {
  const [data, sig] = state.split('.')
  if (!data || !sig) return undefined
  const want = Buffer.from(mac(secret, data))
  const got = Buffer.from(sig)
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined
  try {
    const p = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'))
    if (typeof p.r !== 'string' || typeof p.n !== 'string' || typeof p.e !== 'number' || p.e < now) return undefined
    return { r: safeRedirect(p.r), n: p.n }
  }
  catch {
    return undefined
  }
}

/**
 * WeCom OAuth (snsapi_base) for the page opened inside the WeCom client:
 * `/auth/wecom/login?redirect=` → WeCom's authorize URL → `/auth/wecom/callback?code&state`
 * → the member's session → back to the page. Outside /api: WeCom's redirect is a top-level GET.
 */
export function oauthRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>()
  const live = deps.wecom
  if (!live) return routes
  const { config } = live
  const secure = config.PUBLIC_BASE_URL.startsWith('https:')
  const session = { secret: deps.sessionSecret, ttlMs: deps.config.SESSION_TTL_HOURS * 3600_000, secure }
  return routes
    .get('/auth/wecom/login', (c) => {
      const nonce = randomBytes(16).toString('base64url')
      setCookie(c, NONCE_COOKIE, nonce, { httpOnly: true, sameSite: 'Lax', secure, path: '/auth/wecom', maxAge: STATE_TTL_MS / 1000 })
      const authorize = new URL(config.WECOM_OAUTH_BASE)
      authorize.searchParams.set('appid', config.WECOM_CORP_ID)
      authorize.searchParams.set('redirect_uri', new URL('/auth/wecom/callback', config.PUBLIC_BASE_URL).href)
      authorize.searchParams.set('response_type', 'code')
      authorize.searchParams.set('scope', 'snsapi_base')
      authorize.searchParams.set('state', signState(deps.sessionSecret, safeRedirect(c.req.query('redirect')), nonce))
      authorize.searchParams.set('agentid', config.WECOM_AGENT_ID)
      return c.redirect(`${authorize.href}#wechat_redirect`, 302)
    })
    .get('/auth/wecom/callback', async (c) => {
      const code = c.req.query('code')
      const state = readState(deps.sessionSecret, c.req.query('state') ?? '')
      // The state must be ours, fresh, and started in this browser (login CSRF).
      if (!code || !state || state.n !== getCookie(c, NONCE_COOKIE))
        throw new AppError(400, 'BAD_REQUEST', '登录链接无效或已过期，请从企业微信重新打开')
      const info = await live.api.getUserInfo(code).catch((err) => {
        // 40029: the code is unknown, used or older than its 5 minutes.
        if (err instanceof WecomError && err.errcode === 40029) throw new AppError(400, 'BAD_REQUEST', '登录码无效或已使用，请从企业微信重新打开')
        return wecomFailed(err)
      })
      if (!info.userid) throw new AppError(403, 'FORBIDDEN', '仅本企业成员可以使用')
      ensureMember(deps, info.userid)
      deleteCookie(c, NONCE_COOKIE, { path: '/auth/wecom' })
      await startSession(c, session, info.userid)
      return c.redirect(state.r, 302)
    })
}

/** A member WeCom vouches for but we have not seen yet gets a bare row (no departments). */
function ensureMember(deps: AppDeps, userId: string) {
  if (loadViewer(deps.db, userId)) return
  deps.db.insert(t.members).values({ userId, name: userId }).onConflictDoNothing().run()
  invalidateCatalog(deps.db)
  if (!loadViewer(deps.db, userId)) throw new AppError(403, 'FORBIDDEN', '该成员已停用')
}
