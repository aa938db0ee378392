import type { AppProcess, EmulatorProcess } from '../wecom-emulator/processes.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { freePort, liveEnv, startAppProcess, startEmulatorProcess } from '../wecom-emulator/processes.ts'

export interface LiveSetup { emu: EmulatorProcess, app: AppProcess, dbPath: string, env: Record<string, string>, db: () => Database.Database }

/** Emulator and app as real processes on loopback; the app's SQLite file is readable by the test. */
export async function startLiveSetup(seed: unknown, extraEnv: Record<string, string> = {}): Promise<LiveSetup> {
  const emu = await startEmulatorProcess()
  await emu.control('/seed', seed)
  const dbPath = join(mkdtempSync(join(tmpdir(), 'wecom-live-')), 'app.db')
  const env = liveEnv(emu.url, await freePort(), dbPath, extraEnv)
  const app = await startAppProcess(env)
  let handle: Database.Database | undefined
  return { emu, app, dbPath, env, db: () => (handle ??= new Database(dbPath, { readonly: true, fileMustExist: true })) }
}

export async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 50): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs
  let last: T | undefined
  while (Date.now() < end) {
    last = await probe()
    if (last) return last as NonNullable<T>
    await new Promise(r => setTimeout(r, everyMs))
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`)
}

const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find(c => c.startsWith(`${name}=`))?.split(';')[0]

/** The OAuth round trip a browser in the WeCom client makes; returns the session cookie and where it landed. */
export async function oauthLogin(app: AppProcess, redirect = '/'): Promise<{ cookie?: string, status: number, location?: string | null }> {
  const start = await fetch(`${app.url}/auth/wecom/login?redirect=${encodeURIComponent(redirect)}`, { redirect: 'manual' })
  const nonce = cookieOf(start, 'wecom_oauth')
  const authorize = await fetch(start.headers.get('location')!.split('#')[0]!, { redirect: 'manual' })
  const back = await fetch(authorize.headers.get('location')!, { redirect: 'manual', headers: nonce ? { Cookie: nonce } : {} })
  return { cookie: cookieOf(back, 'tag_session'), status: back.status, location: back.headers.get('location') }
}

/** A JSON client with a session, sending the Origin the CSRF check wants. */
export function apiClient(app: AppProcess, cookie: string) {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, { method, headers: { Cookie: cookie, Origin: app.url, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: res.status, body: await res.json() as any }
  }
  return { get: (path: string) => send('GET', path), post: (path: string, body?: unknown) => send('POST', path, body), patch: (path: string, body: unknown) => send('PATCH', path, body), delete: (path: string) => send('DELETE', path) }
}
