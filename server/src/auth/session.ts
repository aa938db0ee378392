import type { Context } from 'hono'
import type { Db } from '../db/client.ts'
import type { Viewer } from '../services/access.ts'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../lib/errors.ts'
import { loadViewer } from '../services/access.ts'

export const SESSION_COOKIE = 'tag_session'

export interface SessionOptions {
  secret: string
  ttlMs: number
  /** Secure cookies when the app is served over https. */
  secure: boolean
}

export type AppEnv = { Variables: { viewer: Viewer } }

/** Starts a session: a signed cookie carrying the member id and its expiry. */
export async function startSession(c: Context, opts: SessionOptions, userId: string): Promise<void> {
  const expires = Date.now() + opts.ttlMs
  await setSignedCookie(c, SESSION_COOKIE, `${userId}:${expires}`, opts.secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: opts.secure,
    path: '/',
    expires: new Date(expires),
  })
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

/**
 * Verified cookie values → their payload. HMAC verification is the costliest step of a
 * sidebar read; a cookie string that verified once stays valid until its expiry, so the
 * result is remembered (bounded, oldest dropped first).
 */
type SessionPayload = { userId: string, expires: number }
const VERIFIED_MAX = 10_000

async function readSession(c: Context, secret: string, verified: Map<string, SessionPayload>): Promise<SessionPayload | null> {
  const raw = c.req.header('cookie')
  const token = raw ? sessionToken(raw) : undefined
  const hit = token ? verified.get(token) : undefined
  if (hit) return hit
  const value = await getSignedCookie(c, secret, SESSION_COOKIE)
  if (!value) return null
  const sep = value.lastIndexOf(':')
  const userId = value.slice(0, sep)
  const expires = Number(value.slice(sep + 1))
  if (sep <= 0 || !Number.isFinite(expires)) return null
  const payload = { userId, expires }
  if (token) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!)
    verified.set(token, payload)
  }
  return payload
}

function sessionToken(cookieHeader: string): string | undefined {
  const start = cookieHeader.indexOf(`${SESSION_COOKIE}=`)
  if (start < 0) return undefined
  const end = cookieHeader.indexOf(';', start)
  return cookieHeader.slice(start + SESSION_COOKIE.length + 1, end < 0 ? undefined : end)
}

/** Requires a live session and puts the member on the context as `viewer`. */
export function requireSession(db: Db, secret: string) {
  const verified = new Map<string, SessionPayload>()
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = await readSession(c, secret, verified)
    if (!session) throw new AppError(401, 'UNAUTHENTICATED', '请先登录')
    if (session.expires <= Date.now()) throw new AppError(401, 'UNAUTHENTICATED', '登录已过期，请重新进入')
    const viewer = loadViewer(db, session.userId)
    if (!viewer) throw new AppError(401, 'UNAUTHENTICATED', '成员不存在或已停用')
    c.set('viewer', viewer)
    await next()
  })
}
