import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { REPO_ROOT } from './generate.ts'

export interface ServerProcess {
  /** http://127.0.0.1:<port>, also the Origin the CSRF check expects. */
  origin: string
  child: ChildProcess
  stop: () => Promise<void>
}

/**
 * Starts the real server (`server/src/index.ts`, as `pnpm start` does) as its own process
 * over `databasePath`, on a random loopback port. A separate process keeps autocannon's
 * CPU out of the server's event loop, as in production. `cpuProfDir` runs it under
 * `node --cpu-prof` (the profile is written when it stops).
 */
export async function startServerProcess(databasePath: string, opts: { cpuProfDir?: string, workers?: number } = {}): Promise<ServerProcess> {
  const serverDir = resolve(REPO_ROOT, 'server')
  const args = [...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []), '--import', 'tsx', 'src/index.ts']
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'never',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      WORKERS: String(opts.workers ?? 1),
      NODE_ENV: 'production',
      WECOM_CORP_ID: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/mode on http:\/\/[^:\s]+:(\d+)/)
      if (match) {
        clearTimeout(timer)
        resolvePort(Number(match[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  child.removeAllListeners('exit')
  return {
    origin: `http://127.0.0.1:${port}`,
    child,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    }),
  }
}

/** Logs `userId` in through the demo login and returns its session cookie (`name=value`). */
export async function demoLogin(origin: string, userId: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ userId }),
  })
  if (res.status !== 200) throw new Error(`demo login of ${userId}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find(c => c.startsWith('tag_session='))
  if (!cookie) throw new Error(`demo login of ${userId} set no session cookie`)
  return cookie.split(';')[0]!
}

function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the ")" that closes the command name: ppid is the 2nd, utime and stime the 12th and 13th.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/**
 * CPU seconds (user + system) the process and its children (cluster workers) have used so
 * far, from /proc (Linux); null elsewhere.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    let total = 0
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const fields = procStat(Number(entry))
        if (Number(entry) === pid || Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
      }
      catch { /* the process ended while we looked */ }
    }
    return total
  }
  catch { return null }
}
const CLOCK_TICKS = 100
