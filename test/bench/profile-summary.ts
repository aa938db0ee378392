import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

interface ProfileNode { id: number, callFrame: { functionName: string, url: string } }
interface CpuProfile { nodes: ProfileNode[], samples: number[] }

export interface ProfileShare { category: string, percent: number }

/** Where a sample's own (self) time belongs; native calls count toward their JS caller. */
function categorise({ functionName: fn, url }: ProfileNode['callFrame']): string {
  if (fn === '(idle)') return 'idle (waiting for requests)'
  if (fn === '(garbage collector)') return 'garbage collection'
  if (fn === 'json' && url.includes('/hono/dist/context.js')) return 'JSON.stringify of the response (c.json)'
  if (/^(?:writev|writeUtf8String|writeBuffer|writeLatin1String|writeGeneric|writevGeneric)$/.test(fn) || url.includes('stream_base_commons')) return 'socket writes'
  if (url.includes('drizzle-orm') || url.includes('better-sqlite3')) return 'SQLite queries via drizzle'
  if (url.includes('/server/src/') || url.includes('/shared/src/')) return 'app code (services, routes, session)'
  if (url.includes('/zod/') || url.includes('zod@')) return 'zod validation'
  if (url.includes('@hono+node-server') || url.startsWith('node:') || url === '') return 'node:http, @hono/node-server and runtime'
  if (url.includes('hono')) return 'Hono routing and middleware'
  return 'other'
}

/**
 * Sums the server's CPU profile (main thread) by category, as percent of the samples
 * that were not idle. `pid` selects this run's files among older ones.
 */
export function summariseProfiles(dir: string, pid: number): ProfileShare[] {
  const files = readdirSync(dir).filter(f => f.includes(`.${pid}.0.`) && f.endsWith('.cpuprofile'))
  const counts = new Map<string, number>()
  let busy = 0
  for (const f of files) {
    const profile = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as CpuProfile
    const category = new Map(profile.nodes.map(n => [n.id, categorise(n.callFrame)]))
    for (const id of profile.samples) {
      const c = category.get(id) ?? 'other'
      counts.set(c, (counts.get(c) ?? 0) + 1)
      if (!c.startsWith('idle')) busy++
    }
  }
  return [...counts].filter(([c]) => !c.startsWith('idle')).sort((a, b) => b[1] - a[1])
    .map(([category, n]) => ({ category, percent: Math.round((n / Math.max(1, busy)) * 1000) / 10 }))
}
