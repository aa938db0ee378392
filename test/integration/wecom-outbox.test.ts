import type { AppProcess } from '../wecom-emulator/processes.ts'
import type { LiveSetup } from './wecom-live-support.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSeed } from '../wecom-emulator/demo-data.ts'
import { startAppProcess } from '../wecom-emulator/processes.ts'
import { apiClient, oauthLogin, startLiveSetup, until } from './wecom-live-support.ts'

const TAGS = ['华东', '华南', '华北', '地推活动', '经销商', '广告投放', '价格敏感', '品质优先', '备孕', '孕期', '新生儿']
// Whose customers each lane works on (DESIGN §6 follow relations): one lane per customer.
const LANES = [
  ...Array.from({ length: 15 }, (_, i) => ({ user: 'zhangsan', customer: `wmDemo${String(i + 1).padStart(3, '0')}` })),
  ...Array.from({ length: 10 }, (_, i) => ({ user: 'zhaoliu', customer: `wmDemo${String(i + 21).padStart(3, '0')}` })),
]

let s: LiveSetup
const cookies = new Map<string, string>()
/** Per customer: the tags the test toggles (those neither side had at the start), and what is on now. */
const lanes = new Map<string, { user: string, tags: Array<{ id: number, on: boolean }> }>()

beforeAll(async () => {
  s = await startLiveSetup(demoSeed(), {
    WECOM_OUTBOX_BACKOFF_MS: '20',
    WECOM_OUTBOX_MAX_ATTEMPTS: '12',
    WECOM_OUTBOX_LEASE_MS: '3000',
    WECOM_TIMEOUT_MS: '1500',
  })
  await until('first sync', () => s.app.output().includes('[wecom] sync'))
  for (const user of new Set(LANES.map(l => l.user))) {
    await s.emu.control('/oauth-user', { userid: user })
    cookies.set(user, (await oauthLogin(s.app)).cookie!)
  }
  for (const { user, customer } of LANES) {
    const view = (await apiClient(s.app, cookies.get(user)!).get(`/api/customers/${customer}/tags`)).body
    const tags = view.corporate.groups.flatMap((g: any) => g.tags).filter((t: any) => TAGS.includes(t.name) && !t.selected)
    lanes.set(customer, { user, tags: tags.map((t: any) => ({ id: t.id, on: false })) })
  }
})
afterAll(async () => {
  s?.db().close()
  await s?.app.stop()
  await s?.emu.stop()
})

/** `count` toggles spread over the lanes; each lane's in order, lanes in parallel. */
async function mark(count: number, app: AppProcess = s.app) {
  const perLane = Math.ceil(count / LANES.length)
  let sent = 0
  await Promise.all(LANES.map(async ({ user, customer }) => {
    const lane = lanes.get(customer)!
    for (let i = 0; i < perLane && sent < count; i++, sent++) {
      const tag = lane.tags[(i * 7) % lane.tags.length]!
      const res = await apiClient(app, cookies.get(user)!).post(`/api/customers/${customer}/corporate-tags`, tag.on ? { add: [], remove: [tag.id] } : { add: [tag.id], remove: [] })
      if (res.status !== 200) throw new Error(`mark failed ${res.status} ${JSON.stringify(res.body)}`)
      tag.on = !tag.on
    }
  }))
}
const outbox = () => s.db().prepare('select status, count(*) as n from wecom_outbox group by status').all() as Array<{ status: string, n: number }>
const count = (status: string) => outbox().find(r => r.status === status)?.n ?? 0

/** WeCom's marks equal our queue: every row once, each customer's in the order they were made. */
async function expectExactlyOnce(rowsBefore: number, marksBefore: number) {
  const wecomId = new Map((s.db().prepare('select id, wecom_id from corp_tags').all() as any[]).map(r => [r.id, r.wecom_id]))
  const rows = s.db().prepare('select external_user_id as c, payload from wecom_outbox where id > ? order by id').all(rowsBefore) as any[]
  const { marks } = await s.emu.control('/marks')
  const fresh = marks.slice(marksBefore)
  expect(fresh.length).toBe(rows.length)
  const seq = (list: Array<{ c: string, add: string[], remove: string[] }>) => {
    const by = new Map<string, string[]>()
    for (const x of list) by.set(x.c, [...(by.get(x.c) ?? []), `+${x.add.join()}-${x.remove.join()}`])
    return Object.fromEntries([...by].sort())
  }
  expect(seq(fresh.map((m: any) => ({ c: m.external_userid, add: m.add_tag, remove: m.remove_tag }))))
    .toEqual(seq(rows.map(r => JSON.parse(r.payload)).map((p, i) => ({ c: rows[i].c, add: p.add.map((id: number) => wecomId.get(id)), remove: p.remove.map((id: number) => wecomId.get(id)) }))))
  // And the end state in WeCom is what the sidebar shows.
  const { follows } = await s.emu.control('/state')
  for (const [customer, lane] of lanes) {
    const remote = follows.find((f: any) => f.userid === lane.user && f.external_userid === customer).tags
    expect(lane.tags.filter(t => t.on).map(t => wecomId.get(t.id)).sort()).toEqual(remote.filter((id: string) => lane.tags.some(t => wecomId.get(t.id) === id)).sort())
  }
}

describe('the WeCom outbox', () => {
  it('should deliver 1,000 marks exactly once under 20 % injected failures and random delays', async () => {
    await s.emu.control('/faults', { rate: 0.2, modes: ['errcode', 'errcode', 'drop', 'drop-after-apply'], errcodes: [45009, 45033, -1], delayMs: [0, 30], apis: ['externalcontact/mark_tag'] })
    const t0 = performance.now()
    await mark(1000)
    const enqueued = performance.now()
    await until('queue drained', () => count('done') === 1000, 90_000, 100)
    const drained = performance.now()
    const seconds = (drained - t0) / 1000
    console.log(`[outbox] 1000 marks: enqueued in ${((enqueued - t0) / 1000).toFixed(1)} s, all in WeCom after ${seconds.toFixed(1)} s → ${(1000 / seconds).toFixed(0)} marks/s; retried rows: ${(s.db().prepare('select count(*) as n from wecom_outbox where attempts > 1').get() as any).n}`)
    expect(count('failed')).toBe(0)
    await expectExactlyOnce(0, 0)
  })

  it('should lose nothing and repeat nothing when the server is killed -9 mid-queue', async () => {
    const rowsBefore = (s.db().prepare('select max(id) as id from wecom_outbox').get() as any).id as number
    const marksBefore = (await s.emu.control('/marks')).marks.length
    // Slow WeCom down so the queue is still busy when the process dies.
    await s.emu.control('/faults', { rate: 0.1, delayMs: [80, 160] })
    await mark(300)
    const open = count('pending') + count('running')
    expect(open).toBeGreaterThan(0)
    await s.app.kill9()
    console.log(`[outbox] killed with ${open} of 300 rows still queued (${count('running')} running)`)

    s.app = await startAppProcess(s.env)
    const t0 = performance.now()
    await until('queue drained after restart', () => count('pending') + count('running') === 0, 60_000, 100)
    console.log(`[outbox] restart drained the rest in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    expect(count('failed')).toBe(0)
    expect(count('done')).toBe(1300)
    await expectExactlyOnce(rowsBefore, marksBefore)
  })
})
