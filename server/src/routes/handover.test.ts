import { count } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import * as s from '../db/schema.ts'
import { transferCustomers } from '../services/handover.ts'
import { makeTestApp } from '../test-utils.ts'

type Client = Awaited<ReturnType<ReturnType<typeof makeTestApp>['as']>>

async function personalOn(client: Client, customer: string) {
  const res = await client.get(`/api/customers/${customer}/tags`)
  return res.body.personal.tags.filter((x: any) => x.selected).map((x: any) => ({ name: x.name, note: x.note, fromName: x.fromName }))
}

describe('handover: customers change hands, personal knowledge follows', () => {
  let t: ReturnType<typeof makeTestApp>
  let admin: Client, zs: Client, zhouba: Client, lisi: Client
  const handover = (body: Record<string, unknown>) => admin.post('/api/admin/handover', { fromUserId: 'zhangsan', toUserId: 'zhouba', externalUserIds: ['wmDemo001', 'wmDemo002', 'wmDemo005'], ...body })
  const totals = () => ({
    tags: t.db.select({ n: count() }).from(s.personalTags).get()!.n,
    assignments: t.db.select({ n: count() }).from(s.customerPersonalTags).get()!.n,
    follows: t.db.select({ n: count() }).from(s.followRelations).get()!.n,
  })

  beforeEach(async () => {
    t = makeTestApp()
    ;[admin, zs, zhouba, lisi] = await Promise.all([t.as('admin'), t.as('zhangsan'), t.as('zhouba'), t.as('lisi')])
  })

  it('should give the new owner the previous owner\'s tags and notes, attributed, and leave the old library alone', async () => {
    const libraryBefore = (await zs.get('/api/personal-tags')).body
    expect((await zhouba.get('/api/customers/wmDemo002/tags')).status).toBe(404)

    const res = await handover({})
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ moved: 3, notFollowed: 0, unknown: [], tagsCreated: 3, tagsReused: 0, assignmentsCopied: 4 })

    expect(await personalOn(zhouba, 'wmDemo002')).toEqual([{ name: '高意向', note: '主动问了到货时间', fromName: '张三' }])
    expect(await personalOn(zhouba, 'wmDemo001')).toEqual([
      { name: '爱砍价', note: '连续三次提到价格贵', fromName: '张三' },
      { name: '非工作日活跃', note: '周末晚上回消息最快', fromName: '张三' },
    ])
    expect((await zhouba.get('/api/personal-tags')).body.tags.map((x: any) => x.name).sort()).toEqual(['爱砍价', '非工作日活跃', '高意向'].sort())
    expect((await zs.get('/api/personal-tags')).body).toEqual(libraryBefore)
    // zhangsan no longer follows them; lisi still follows wmDemo001 and sees nothing of zhangsan's.
    expect((await zs.get('/api/customers/wmDemo002/tags')).status).toBe(404)
    expect(await personalOn(lisi, 'wmDemo001')).toEqual([{ name: '高意向', note: '问了团购价', fromName: null }])
  })

  it('should duplicate nothing when run twice', async () => {
    await handover({})
    const after = totals()
    const again = await handover({})
    expect(again.body).toMatchObject({ moved: 0, notFollowed: 3, tagsCreated: 0, assignmentsCopied: 0 })
    expect(totals()).toEqual(after)
    expect(await personalOn(zhouba, 'wmDemo002')).toHaveLength(1)
  })

  it('should reuse the new owner\'s tag of the same name and keep their own note', async () => {
    const res = await admin.post('/api/admin/handover', { fromUserId: 'zhangsan', toUserId: 'lisi', externalUserIds: ['wmDemo002', 'wmDemo001'] })
    expect(res.body).toMatchObject({ moved: 2, tagsReused: 1, tagsCreated: 2 })
    const library = (await lisi.get('/api/personal-tags')).body.tags.map((x: any) => x.name)
    expect(library.filter((n: string) => n === '高意向')).toHaveLength(1)
    expect(await personalOn(lisi, 'wmDemo002')).toEqual([{ name: '高意向', note: '主动问了到货时间', fromName: '张三' }])
    expect(await personalOn(lisi, 'wmDemo001')).toContainEqual({ name: '高意向', note: '问了团购价', fromName: null })
  })

  it('should be callable by a WeCom transfer event with the same guarantees', () => {
    const req = { fromUserId: 'zhangsan', toUserId: 'zhouba', externalUserIds: ['wmDemo007', 'wmNotSynced'], actorId: null, source: 'wecom' as const }
    expect(transferCustomers(t.db, req)).toMatchObject({ moved: 1, unknown: ['wmNotSynced'], assignmentsCopied: 1 })
    expect(transferCustomers(t.db, req)).toMatchObject({ moved: 0, assignmentsCopied: 0 })
    const audit = t.db.select().from(s.auditLog).all().filter(a => a.action === 'customer.handover')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after).toEqual({ owner: 'zhouba', source: 'wecom' })
  })

  it('should refuse non-admins, unknown members and a handover to oneself', async () => {
    const before = totals()
    const byStaff = await zs.post('/api/admin/handover', { fromUserId: 'zhangsan', toUserId: 'zhouba', externalUserIds: ['wmDemo002'] })
    expect(byStaff.status).toBe(403)
    expect((await (await t.as('wangwu')).post('/api/admin/handover', { fromUserId: 'zhangsan', toUserId: 'zhouba', externalUserIds: ['wmDemo002'] })).status).toBe(403)
    expect((await handover({ toUserId: 'nobody' })).status).toBe(404)
    expect((await handover({ toUserId: 'zhangsan' })).status).toBe(400)
    expect((await handover({ externalUserIds: [] })).status).toBe(400)
    expect(totals()).toEqual(before)
    expect(await personalOn(zs, 'wmDemo002')).toHaveLength(1)
  })
})
