import type { AddressInfo } from 'node:net'
import type { AppDeps } from '@app/server/deps.ts'
import type { DomainHooks } from '@app/server/services/hooks.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp, serveWeb } from '@app/server/app.ts'
import { createDb } from '@app/server/db/client.ts'
import { loadConfig } from '@app/server/lib/config.ts'
import { seedDemoCompany } from '@app/server/seed/seed-demo.ts'

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist')

export interface RunningApp {
  url: string
  deps: AppDeps
  close: () => Promise<void>
}

/**
 * The real server, in this process, on a free loopback port, over a fresh SQLite file
 * with the demo company, serving the built page. Each call is isolated from the others.
 */
export async function startAppServer(opts: { hooks?: DomainHooks, env?: Record<string, string>, seed?: boolean } = {}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tag-sidebar-'))
  const config = loadConfig({ DATABASE_PATH: join(dir, 'app.db'), WEB_DIST, ...opts.env })
  const db = createDb(config.DATABASE_PATH)
  if (opts.seed !== false) seedDemoCompany(db)
  const deps: AppDeps = { db, config, sessionSecret: 'test-secret-test-secret-test-secret-0123', hooks: opts.hooks ?? {} }
  const app = createApp(deps)
  serveWeb(app, WEB_DIST)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>(r => server.once('listening', () => r()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://localhost:${port}`,
    deps,
    close: () => new Promise<void>((r) => {
      server.close(() => {
        db.$client.close()
        rmSync(dir, { recursive: true, force: true })
        r()
      })
    }),
  }
}
