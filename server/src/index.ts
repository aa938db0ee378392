import { randomBytes } from 'node:crypto'
import { serve } from '@hono/node-server'
import { eq } from 'drizzle-orm'
import { createApp, serveWeb } from './app.ts'
import { createDb } from './db/client.ts'
import * as t from './db/schema.ts'
import { ConfigError, loadConfig, webDistExists } from './lib/config.ts'
import { seedDemoCompany } from './seed/seed-demo.ts'
import { startPurgeJob } from './services/admin/purge-job.ts'
import { startLiveMode } from './wecom/live.ts'

type Db = ReturnType<typeof createDb>

/** Demo mode keeps a generated secret in the database so sessions survive a restart. */
function demoSessionSecret(db: Db): string {
  const row = db.select().from(t.appState).where(eq(t.appState.key, 'session_secret')).get()
  if (row) return row.value as string
  const secret = randomBytes(32).toString('base64url')
  db.insert(t.appState).values({ key: 'session_secret', value: secret, updatedAt: new Date() }).run()
  return secret
}

function main() {
  const config = loadConfig()
  const db = createDb(config.DATABASE_PATH)
  if (config.mode === 'demo' && config.SEED_DEMO === 'auto' && seedDemoCompany(db))
    console.log('[demo] created the demo company in', config.DATABASE_PATH)
  if (config.wecom?.WECOM_SEED_DEMO === '1' && seedDemoCompany(db))
    console.log('[live] created the demo company (WECOM_SEED_DEMO=1) in', config.DATABASE_PATH)
  const sessionSecret = config.SESSION_SECRET ?? demoSessionSecret(db)
  // Live mode: WeCom client, outbox worker and tag sync run beside the app (wecom/live.ts).
  const live = config.mode === 'live' ? startLiveMode(db, config) : undefined
  // Purges recycle-bin items past RECYCLE_RETENTION_DAYS on a schedule (croner).
  const purgeJob = startPurgeJob(db, config)
  const app = createApp({ db, config, sessionSecret, hooks: live?.hooks ?? {}, wecom: live?.runtime })
  if (webDistExists(config)) serveWeb(app, config.WEB_DIST)
  else console.warn(`[web] ${config.WEB_DIST} has no index.html: run \`pnpm build\` to serve the page`)

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`[server] ${config.mode} mode on http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}`)
  })
  const shutdown = () => {
    purgeJob.stop()
    server.close(async () => {
      await live?.stop()
      db.$client.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

try {
  main()
}
catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}
