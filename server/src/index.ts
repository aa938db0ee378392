import type { Config } from './lib/config.ts'
import cluster from 'node:cluster'
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

/** Migrations, the demo company and the session secret: once, before any HTTP process starts. */
function prepareDatabase(config: Config): { db: Db, sessionSecret: string } {
  const db = createDb(config.DATABASE_PATH)
  if (config.mode === 'demo' && config.SEED_DEMO === 'auto' && seedDemoCompany(db))
    console.log('[demo] created the demo company in', config.DATABASE_PATH)
  if (config.wecom?.WECOM_SEED_DEMO === '1' && seedDemoCompany(db))
    console.log('[live] created the demo company (WECOM_SEED_DEMO=1) in', config.DATABASE_PATH)
  return { db, sessionSecret: config.SESSION_SECRET ?? demoSessionSecret(db) }
}

/**
 * One HTTP process. `background` runs the scheduled and queued work (purge job, WeCom
 * outbox worker and sync) — in exactly one process, so the queue keeps its order.
 */
function runServer(config: Config, background: boolean) {
  const { db, sessionSecret } = prepareDatabase(config)
  const live = config.mode === 'live' ? startLiveMode(db, config, undefined, { background }) : undefined
  const purgeJob = background ? startPurgeJob(db, config) : undefined
  const app = createApp({ db, config, sessionSecret, hooks: live?.hooks ?? {}, wecom: live?.runtime })
  if (webDistExists(config)) serveWeb(app, config.WEB_DIST)
  else console.warn(`[web] ${config.WEB_DIST} has no index.html: run \`pnpm build\` to serve the page`)

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    if (cluster.isWorker && process.env.WORKER_INDEX !== '0') return
    const workers = config.WORKERS > 1 ? ` (${config.WORKERS} workers)` : ''
    console.log(`[server] ${config.mode} mode on http://${info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}${workers}`)
  })
  const shutdown = () => {
    purgeJob?.stop()
    server.close(async () => {
      await live?.stop()
      db.$client.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

/**
 * WORKERS > 1: node's cluster shares the port between that many HTTP processes (one per
 * core). SQLite in WAL mode lets them read in parallel; writes are serialised by SQLite
 * itself, and every in-memory cache is versioned in the database (services/catalog.ts),
 * so no process serves stale data. A worker that dies is replaced.
 */
function runPrimary(config: Config) {
  prepareDatabase(config).db.$client.close()
  let stopping = false
  const fork = (index: number) => {
    const worker = cluster.fork({ WORKER_INDEX: String(index) })
    worker.on('exit', (code, signal) => {
      if (stopping) return
      console.error(`[server] worker ${index} exited (${signal ?? code}); starting another`)
      setTimeout(() => fork(index), 500)
    })
  }
  for (let i = 0; i < config.WORKERS; i++) fork(i)
  const stop = () => {
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    cluster.disconnect(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

try {
  const config = loadConfig()
  if (config.WORKERS > 1 && cluster.isPrimary) runPrimary(config)
  else runServer(config, !cluster.isWorker || process.env.WORKER_INDEX === '0')
}
catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}
