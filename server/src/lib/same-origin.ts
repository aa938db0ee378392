import type { MiddlewareHandler } from 'hono'
import { AppError } from './errors.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin
  }
  catch {
    return undefined
  }
}

/**
 * CSRF protection (DESIGN §5): a state-changing request is accepted only when its Origin
 * (or, lacking one, its Referer) is the app's own origin. Hono's `csrf()` does the same
 * check but only for form content types; JSON endpoints need it too, so this applies it
 * to every content type. `extraOrigins` holds PUBLIC_BASE_URL when a proxy sits in front.
 */
export function sameOrigin(extraOrigins: string[] = []): MiddlewareHandler {
  const allowed = new Set(extraOrigins.map(originOf).filter((o): o is string => !!o))
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin') ?? originOf(c.req.header('referer'))
      const own = new URL(c.req.url).origin
      if (!origin || (origin !== own && !allowed.has(origin)))
        throw new AppError(403, 'CSRF_REJECTED', '请求来源不被允许（跨站请求已拒绝）')
    }
    await next()
  }
}
