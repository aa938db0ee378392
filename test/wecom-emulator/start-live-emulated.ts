import type { AppProcess } from './processes.ts'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { liveEnv, startAppProcess, startEmulatorProcess } from './processes.ts'

/**
 * `pnpm start:live-emulated`: the WeCom emulator with the demo company, and the app in
 * live mode pointed at it (OAuth, JS-SDK signatures, tag sync, outbox, callbacks), on
 * one machine. APP_PORT (default 8788) and LIVE_DB (default data/live-emulated.db) can be set.
 */
const repo = resolve(fileURLToPath(import.meta.url), '../../..')
const port = Number(process.env.APP_PORT ?? 8788)
const emu = await startEmulatorProcess({ seed: 'demo' })
let app: AppProcess | undefined
try {
  app = await startAppProcess(liveEnv(emu.url, port, process.env.LIVE_DB ?? join(repo, 'data/live-emulated.db'), { LOG_REQUESTS: '1' }))
}
catch (err) {
  console.error(String(err))
  await emu.stop()
  process.exit(1)
}
console.log(`WeCom emulator:  ${emu.url}  (control API under /__control)`)
console.log(`App (live mode): ${app.url}`)
console.log(`Log in as a member the way the WeCom client would: ${app.url}/auth/wecom/login?redirect=/`)
console.log(`  (the emulator's OAuth answers as zhangsan; switch with POST ${emu.url}/__control/oauth-user {"userid":"lisi"})`)
const stop = async () => {
  await app?.stop()
  await emu.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
