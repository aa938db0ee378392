import type { AppDeps } from './deps.ts'
import type { DomainHooks } from './services/hooks.ts'
import { createApp } from './app.ts'
import { createDb } from './db/client.ts'
import { loadConfig } from './lib/config.ts'
import { seedDemoCompany } from './seed/seed-demo.ts'

/** The origin `app.request()` uses; state-changing requests must name it (CSRF check). */
export const TEST_ORIGIN = 'http://localhost'

export type TestApp = ReturnType<typeof makeTestApp>

/**
 * The real app over a private `:memory:` database migrated from drizzle/ and seeded with
 * the demo company (STYLE §37). `as(userId)` gives a client with that member's session.
 */
export function makeTestApp(opts: { hooks?: DomainHooks, env?: Record<string, string>, seed?: boolean } = {}) {
  const db = createDb(':memory:')
  if (opts.seed !== false) seedDemoCompany(db)
  const config = loadConfig({ ...opts.env })
  const deps: AppDeps = { db, config, sessionSecret: 'unit-test-secret-unit-test-secret-0123', hooks: opts.hooks ?? {} }
  const app = createApp(deps)

  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { Origin: TEST_ORIGIN, ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
      ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
    }
    const res = await app.request(path, init)
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    }
    catch {
      json = text
    }
    return { status: res.status, body: json, headers: res.headers }
  }

  /** A client acting as `userId` (demo login first). */
  async function as(userId: string) {
    const res = await app.request('/api/auth/demo', { method: 'POST', headers: { 'Origin': TEST_ORIGIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) })
    if (res.status !== 200) throw new Error(`demo login as ${userId} failed: ${res.status} ${await res.text()}`)
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => request(method, path, body, { Cookie: cookie, ...headers })
    return {
      cookie,
      get: (path: string) => send('GET', path),
      post: (path: string, body?: unknown) => send('POST', path, body ?? {}),
      put: (path: string, body?: unknown) => send('PUT', path, body ?? {}),
      patch: (path: string, body?: unknown) => send('PATCH', path, body ?? {}),
      delete: (path: string) => send('DELETE', path),
      send,
    }
  }

  return { app, db, deps, request, as }
}
