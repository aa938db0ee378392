import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import { cpuSeconds } from './server-process.ts'

/** One request of a scenario, already bound to a member's session. */
export interface LoadRequest { method: 'GET' | 'POST', path: string, cookie: string, body?: string }

export interface LoadResult {
  scenario: string
  connections: number
  seconds: number
  requests: number
  reqPerSec: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  /** Mean bytes per response on the wire (headers + body). */
  bytesPerResponse: number
  non2xx: number
  errors: number
  /** Server CPU (user + system) per request, from /proc: unlike 1e6 ÷ req/s, not inflated by waiting for a core. */
  serverCpuUs: number | null
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadBefore: number
  loadAfter: number
}

/**
 * Runs autocannon against the server on loopback. Every request takes the next item of
 * `items` (path, cookie, body), so members and customers vary request by request across
 * all connections. A short warm-up run first lets V8 optimise and SQLite's page cache fill.
 */
export async function runLoad(origin: string, scenario: string, items: LoadRequest[], opts: { connections: number, seconds: number, warmupSeconds: number, serverPid?: number }): Promise<LoadResult> {
  let next = 0
  const requests = [{
    setupRequest: (req: { method?: string, path?: string, headers?: Record<string, string>, body?: string | Buffer }) => {
      const item = items[next++ % items.length]!
      req.method = item.method
      req.path = item.path
      req.headers = { ...req.headers, cookie: item.cookie, origin, ...(item.body ? { 'content-type': 'application/json' } : {}) }
      req.body = item.body
      return req
    },
  }]
  if (opts.warmupSeconds > 0) await autocannon({ url: origin, connections: opts.connections, duration: opts.warmupSeconds, requests })
  const loadBefore = loadavg()[0]!
  const cpuBefore = opts.serverPid ? cpuSeconds(opts.serverPid) : null
  const r = await autocannon({ url: origin, connections: opts.connections, duration: opts.seconds, requests, timeout: 10 })
  const cpuAfter = opts.serverPid ? cpuSeconds(opts.serverPid) : null
  return {
    scenario,
    connections: opts.connections,
    seconds: opts.seconds,
    requests: r.requests.total,
    reqPerSec: Math.round(r.requests.total / r.duration),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    bytesPerResponse: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    serverCpuUs: cpuBefore !== null && cpuAfter !== null && r.requests.total > 0 ? Math.round((cpuAfter - cpuBefore) * 1e6 / r.requests.total) : null,
    loadBefore: Math.round(loadBefore * 100) / 100,
    loadAfter: Math.round(loadavg()[0]! * 100) / 100,
  }
}

/** Mean response body size (bytes, uncompressed) over a sample, fetched one at a time. */
export async function meanBodyBytes(origin: string, items: LoadRequest[]): Promise<number> {
  let total = 0
  for (const item of items) {
    const res = await fetch(`${origin}${item.path}`, {
      method: item.method,
      headers: { cookie: item.cookie, origin, ...(item.body ? { 'content-type': 'application/json' } : {}) },
      body: item.body,
    })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) throw new Error(`${item.method} ${item.path}: ${res.status} ${body.toString().slice(0, 300)}`)
    total += body.length
  }
  return Math.round(total / items.length)
}
