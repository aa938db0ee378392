import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { DEFAULT_LARGE_DB, generateLargeCompany, REPO_ROOT } from './generate.ts'
import { pickFollowedPairs } from './pairs.ts'
import { demoLogin, startServerProcess } from './server-process.ts'

/**
 * Issue 3's measurement: approving a promotion of "高意向" with "migrate every member's
 * same-name tag" on the large company, through the real server process, while a reader
 * keeps opening sidebars. Reports the approval's duration and how long readers waited.
 * Runs on a snapshot copy, so the shared large.db is never changed.
 * `pnpm --filter @app/test exec tsx bench/promotion-migration.ts`
 */
const company = generateLargeCompany(DEFAULT_LARGE_DB)
const dir = mkdtempSync(join(tmpdir(), 'promo-bench-'))
const file = join(dir, 'large.db')
// The backup API gives a consistent snapshot even while another benchmark writes the file.
const source = new Database(company.file, { readonly: true })
await source.backup(file)
source.close()

const client = new Database(file, { readonly: true })
const proposer = client.prepare(`
  select pt.owner_id as userId, pt.id as tagId, count(*) as n from personal_tags pt
  join customer_personal_tags cpt on cpt.tag_id = pt.id
  where pt.name = '高意向' and pt.retired_at is null group by pt.id order by n desc limit 1`).get() as { userId: string, tagId: number, n: number }
const sameName = client.prepare(`
  select count(distinct pt.id) as tags, count(distinct cpt.external_user_id) as customers from personal_tags pt
  join customer_personal_tags cpt on cpt.tag_id = pt.id where pt.name = '高意向'`).get() as { tags: number, customers: number }
const ownCustomer = client.prepare('select external_user_id from follow_relations where user_id = ? limit 1').pluck().get(proposer.userId) as string
const readers = pickFollowedPairs(client, 2_000, { customers: company.stats.customers, seed: 23 })
client.close()

// BENCH_WORKERS=2: the approval runs in one HTTP process; readers whose connection landed
// on the other one show what SQLite's WAL leaves unblocked.
const workers = Number(process.env.BENCH_WORKERS ?? 1)
const server = await startServerProcess(file, { workers })
try {
  const cookie = async (userId: string) => demoLogin(server.origin, userId)
  const call = async (userId: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.origin}/api${path}`, {
      method,
      headers: { 'Cookie': await cookies(userId), 'Origin': server.origin, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await res.json() as any
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  const jar = new Map<string, string>()
  const cookies = async (userId: string) => jar.get(userId) ?? jar.set(userId, await cookie(userId)).get(userId)!

  // A group the proposer sees and may propose into (not locked), with no 高意向 yet.
  const { groups } = (await call(proposer.userId, 'GET', `/customers/${ownCustomer}/tags`)).corporate
  const target = groups.find((g: any) => !g.locked && !g.exclusive && g.tags.every((x: any) => x.name !== '高意向'))
  const proposal = await call(proposer.userId, 'POST', '/proposals', { personalTagId: proposer.tagId, proposedName: '高意向', targetGroupId: target.id, reason: '全公司都在用' })
  for (const r of readers.slice(0, 50)) await cookies(r.userId)

  // Readers: sequential sidebar opens, before and during the approval; one per worker and
  // one more, each on its own connection (the cluster hands connections out in turn).
  const samples: Array<{ reader: number, at: number, ms: number }> = []
  let stop = false
  const readerCount = workers > 1 ? workers * 2 : 1
  const readerLoops = Array.from({ length: readerCount }, (_, reader) => (async () => {
    for (let i = reader; !stop; i += readerCount) {
      const r = readers[i % 50]!
      const t0 = performance.now()
      await call(r.userId, 'GET', `/customers/${r.externalUserId}/tags`)
      samples.push({ reader, at: t0, ms: performance.now() - t0 })
    }
  })())
  await new Promise(r => setTimeout(r, 3_000))
  const approveStart = performance.now()
  const result = await call('adm1', 'POST', `/proposals/${proposal.id}/approve`, { decision: 'create', migrateScope: 'all', retirePersonal: true })
  const approveMs = performance.now() - approveStart
  await new Promise(r => setTimeout(r, 1_000))
  stop = true
  await Promise.all(readerLoops)

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0
    return { n: s.length, p50: +q(0.5).toFixed(1), p99: +q(0.99).toFixed(1), max: +(s.at(-1) ?? 0).toFixed(1) }
  }
  const before = stats(samples.filter(s => s.at < approveStart).map(s => s.ms))
  const inApproval = samples.filter(s => s.at >= approveStart - 50 && s.at <= approveStart + approveMs)
  const during = stats(inApproval.map(s => s.ms))
  // Per reader: the least-delayed one was served by a process the approval did not occupy.
  const perReader = Array.from({ length: readerCount }, (_, reader) => stats(inApproval.filter(s => s.reader === reader).map(s => s.ms)))
  const report = {
    customersInCompany: company.stats.customers,
    sameNamePersonalTags: sameName.tags,
    customersCarrying: sameName.customers,
    approveMs: +approveMs.toFixed(0),
    migration: result.migration,
    readerBefore: before,
    readerDuringApproval: during,
    workers,
    perReaderDuringApproval: perReader,
  }
  console.log(JSON.stringify(report, null, 2))
  const out = resolve(REPO_ROOT, 'data/bench')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'promotion-migration.json'), JSON.stringify(report, null, 2))
}
finally {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
