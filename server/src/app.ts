import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './auth/session.ts'
import type { AppDeps } from './deps.ts'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { LIMITS } from '@app/shared'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { requireRole } from './auth/require-role.ts'
import { requireSession } from './auth/session.ts'
import { AppError } from './lib/errors.ts'
import { handleError } from './lib/on-error.ts'
import { sameOrigin } from './lib/same-origin.ts'
import { adminRoutes } from './routes/admin.ts'
import { authRoutes } from './routes/auth.ts'
import { customerRoutes } from './routes/customers.ts'
import { handoverRoutes } from './routes/handover.ts'
import { personalTagRoutes } from './routes/personal-tags.ts'
import { proposalRoutes } from './routes/proposals.ts'
import { tagNameRoutes } from './routes/tag-names.ts'
import { callbackRoutes } from './wecom/callback.ts'
import { jsSignatureRoutes } from './wecom/js-signature.ts'
import { oauthRoutes } from './wecom/oauth.ts'
import { outboxRoutes } from './wecom/outbox-routes.ts'

/**
 * GET and HEAD carry no body; skipping the limiter for them matters because merely asking
 * for `c.req.raw.body` makes @hono/node-server build a full WHATWG Request (with an
 * AbortController) per request, a measurable share of the sidebar's hot path.
 */
function skipBodylessRequests(middleware: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : middleware(c, next))
}

/**
 * Builds the whole HTTP app. No side effects: index.ts serves it, tests call
 * `app.request()` on it with a `:memory:` database.
 */
export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
    .use(skipBodylessRequests(bodyLimit({
      maxSize: LIMITS.bodyMaxBytes,
      onError: () => { throw new AppError(413, 'PAYLOAD_TOO_LARGE', `请求体不能超过 ${LIMITS.bodyMaxBytes / 1024 / 1024} MB`) },
    })))
    .use(sameOrigin(deps.config.PUBLIC_BASE_URL ? [deps.config.PUBLIC_BASE_URL] : []))
    .get('/health', c => c.json({ ok: true as const, mode: deps.config.mode }, 200))
    .route('/', authRoutes(deps))
    // Everything below needs a session, and the whole admin area the admin role (README).
    .use(requireSession(deps.db, deps.sessionSecret))
    .use('/admin/*', requireRole('admin'))
    .route('/', customerRoutes(deps))
    .route('/', personalTagRoutes(deps))
    .route('/', tagNameRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', proposalRoutes(deps))
    .route('/', handoverRoutes(deps))
    .route('/', jsSignatureRoutes(deps))
    .route('/', outboxRoutes(deps))

  const app = new Hono<AppEnv>()
    .use(secureHeaders({ xFrameOptions: false, crossOriginResourcePolicy: false }))
    .route('/api', api)
    // Live mode: WeCom's OAuth redirect and server-to-server callbacks, outside /api's CSRF check.
    .route('/', oauthRoutes(deps))
    .route('/', callbackRoutes(deps))

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'NOT_FOUND', message: `没有这个接口：${c.req.method} ${c.req.path}` } }, 404)
    return c.text('Not Found', 404)
  })
  app.onError(handleError)
  return app
}

/** Serves the built page: hashed assets as files, every other path the SPA's index.html. */
export function serveWeb(app: Hono<AppEnv>, webDist: string) {
  const indexHtml = readFile(resolve(webDist, 'index.html'), 'utf8')
  app.use('/assets/*', serveStatic({ root: webDist, onFound: (_path, c) => { c.header('Cache-Control', 'public, max-age=31536000, immutable') } }))
  app.use('*', serveStatic({ root: webDist }))
  app.get('*', async c => c.html(await indexHtml))
}

export type AppType = ReturnType<typeof createApp>
