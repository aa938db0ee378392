import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { demoSeed, EMULATED_CORP } from './demo-data.ts'
import { createEmulator } from './server.ts'

/**
 * `tsx test/wecom-emulator/cli.ts [port]`: the emulator on 127.0.0.1 (port 0 = any), with
 * the demo company when EMULATOR_SEED=demo. Prints one JSON line `{"url":…}` when ready.
 */
const port = Number(process.argv[2] ?? process.env.EMULATOR_PORT ?? 0)
const emulator = createEmulator(EMULATED_CORP)
if (process.env.EMULATOR_SEED === 'demo') emulator.state.seed(demoSeed())
const server = serve({ fetch: emulator.app.fetch, port, hostname: '127.0.0.1' }, () => {
  const { port: actual } = server.address() as AddressInfo
  console.log(JSON.stringify({ url: `http://127.0.0.1:${actual}` }))
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
