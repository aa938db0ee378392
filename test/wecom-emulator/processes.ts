import type { ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EMULATED_CORP } from './demo-data.ts'

const here = dirname(fileURLToPath(import.meta.url))
const SERVER_DIR = resolve(here, '../../server')
export const WEB_DIST = resolve(here, '../../web/dist')

/** A real child process running TypeScript through tsx's loader (no wrapper process, so kill -9 hits it). */
function spawnTs(file: string, cwd: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

function waitFor(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), timeoutMs)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = out.match(pattern)
      if (m) {
        clearTimeout(timer)
        resolvePromise(m)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => { out += d.toString() })
    child.once('exit', code => reject(new Error(`${what} exited (${code}):\n${out}`)))
  })
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => {
    child.once('exit', () => r())
    child.kill(signal)
  })
}

export async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>(r => s.listen(0, '127.0.0.1', () => r()))
  const { port } = s.address() as AddressInfo
  await new Promise(r => s.close(r))
  return port
}

export interface EmulatorProcess {
  url: string
  control: <T = any>(path: string, body?: unknown) => Promise<T>
  stop: () => Promise<void>
}

export async function startEmulatorProcess(opts: { seed?: 'demo' } = {}): Promise<EmulatorProcess> {
  const child = spawnTs(resolve(here, 'cli.ts'), SERVER_DIR, opts.seed ? { EMULATOR_SEED: opts.seed } : {})
  const [, json] = await waitFor(child, /(\{"url".*\})\n/, 'emulator')
  const { url } = JSON.parse(json!)
  child.stdout!.resume()
  return {
    url,
    control: async (path, body) => {
      const res = await fetch(`${url}/__control${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
      return res.json() as Promise<any>
    },
    stop: () => stopChild(child),
  }
}

/** The app's live-mode environment pointed at an emulator. */
export function liveEnv(emulatorUrl: string, port: number, dbPath: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: dbPath,
    WEB_DIST,
    SESSION_SECRET: 'live-emulated-session-secret-0123456789',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    WECOM_CORP_ID: EMULATED_CORP.corpId,
    WECOM_AGENT_ID: EMULATED_CORP.agentId,
    WECOM_SECRET: EMULATED_CORP.secret,
    WECOM_CALLBACK_TOKEN: EMULATED_CORP.token,
    WECOM_ENCODING_AES_KEY: EMULATED_CORP.aesKey,
    WECOM_API_BASE: `${emulatorUrl}/cgi-bin`,
    WECOM_OAUTH_BASE: `${emulatorUrl}/connect/oauth2/authorize`,
    WECOM_SEED_DEMO: '1',
    ...extra,
  }
}

export interface AppProcess {
  url: string
  /** Output so far (stdout and stderr), for the sync summary and diagnostics. */
  output: () => string
  stop: () => Promise<void>
  kill9: () => Promise<void>
}

/** The app as `pnpm start` runs it; `env.PUBLIC_BASE_URL` is its address. Ready when it says it listens in `mode`. */
export async function startAppProcess(env: Record<string, string>, mode: 'live' | 'demo' = 'live'): Promise<AppProcess> {
  const child = spawnTs(resolve(SERVER_DIR, 'src/index.ts'), SERVER_DIR, env)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { out += d.toString() })
  await waitFor(child, new RegExp(`\\[server\\] ${mode} mode on `), 'app')
  return {
    url: env.PUBLIC_BASE_URL!,
    output: () => out,
    stop: () => stopChild(child),
    kill9: () => stopChild(child, 'SIGKILL'),
  }
}
