import { beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { tagGroups } from '../db/schema.ts'
import { makeTestApp } from '../test-utils.ts'

type Client = Awaited<ReturnType<ReturnType<typeof makeTestApp>['as']>>

async function personalTagId(client: Client, name: string): Promise<number> {
  const res = await client.get('/api/personal-tags')
  return res.body.tags.find((x: { name: string }) => x.name === name).id
}

function groupId(t: ReturnType<typeof makeTestApp>, name: string): number {
  return t.db.select().from(tagGroups).where(eq(tagGroups.name, name)).get()!.id
}

const approveAll = { decision: 'create', migrateScope: 'all', retirePersonal: false } as const

describe('promotion requests: transitions and refusals', () => {
  let t: ReturnType<typeof makeTestApp>
  let zs: Client, lisi: Client, ww: Client, zl: Client, admin: Client
  let highIntent: number
  const propose = (client: Client, body: Record<string, unknown>) => client.post('/api/proposals', { proposedName: '高意向', newGroupName: '购买意向', reason: '三个人都在用', ...body })

  beforeEach(async () => {
    t = makeTestApp()
    ;[zs, lisi, ww, zl, admin] = await Promise.all([t.as('zhangsan'), t.as('lisi'), t.as('wangwu'), t.as('zhaoliu'), t.as('admin')])
    highIntent = await personalTagId(zs, '高意向')
  })

  it('should create a pending request showing the customer count and what "migrate all" would add', async () => {
    const res = await propose(zs, { personalTagId: highIntent })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'pending', proposedName: '高意向', newGroupName: '购买意向', customerCount: 3, sameName: { members: 1, customers: 2 }, proposer: { userId: 'zhangsan', name: '张三' } })
    const mine = await zs.get('/api/proposals?view=mine')
    expect(mine.body.proposals.map((p: { id: number }) => p.id)).toEqual([res.body.id])
  })

  it('should refuse a second pending request for the same tag with 409', async () => {
    expect((await propose(zs, { personalTagId: highIntent })).status).toBe(201)
    const again = await propose(zs, { personalTagId: highIntent, reason: '再提一次' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('DUPLICATE')
  })

  it('should answer 404 for proposing someone else\'s personal tag', async () => {
    const res = await propose(lisi, { personalTagId: highIntent })
    expect(res.status).toBe(404)
  })

  it('should check the proposed name and the target group', async () => {
    const region = groupId(t, '区域')
    expect((await propose(zs, { personalTagId: highIntent, proposedName: '华东', newGroupName: undefined, targetGroupId: region })).status).toBe(409)
    expect((await propose(zs, { personalTagId: highIntent, proposedName: '高#意向' })).status).toBe(422)
    expect((await propose(zs, { personalTagId: highIntent, newGroupName: '区域' })).status).toBe(409)
    expect((await propose(zs, { personalTagId: highIntent, newGroupName: undefined, targetGroupId: groupId(t, '会员等级') })).status).toBe(403)
    const ads = groupId(t, '广告渠道')
    expect((await propose(zs, { personalTagId: highIntent, newGroupName: undefined, targetGroupId: ads })).status).toBe(404)
    expect((await propose(zs, { personalTagId: highIntent, targetGroupId: region })).status).toBe(400)
    expect((await propose(zs, { personalTagId: highIntent, reason: '  ' })).status).toBe(400)
  })

  it('should queue requests only for the approver of the proposer\'s department', async () => {
    const mine = await propose(zs, { personalTagId: highIntent })
    const theirs = await propose(zl, { personalTagId: await personalTagId(zl, '脾气急'), proposedName: '脾气急' })
    expect(theirs.status).toBe(201)
    const queue = await ww.get('/api/proposals?view=queue')
    expect(queue.body.proposals.map((p: { id: number }) => p.id)).toEqual([mine.body.id])
    expect(queue.body.proposals[0]).toMatchObject({ canDecide: true, reason: '三个人都在用', customerCount: 3 })
    expect((await ww.get('/api/proposals/summary')).body).toEqual({ pendingToDecide: 1, unseenDecisions: 0 })
    expect((await admin.get('/api/proposals/summary')).body.pendingToDecide).toBe(2)
    expect((await lisi.get('/api/proposals?view=queue')).body.proposals).toEqual([])
    expect((await ww.get(`/api/proposals/${theirs.body.id}`)).status).toBe(404)
    expect((await lisi.get(`/api/proposals/${mine.body.id}`)).status).toBe(404)
  })

  it('should refuse decisions by a non-approver, another department\'s approver, or the proposer', async () => {
    const mine = await propose(zs, { personalTagId: highIntent })
    const byLisi = await lisi.post(`/api/proposals/${mine.body.id}/approve`, approveAll)
    expect(byLisi.status).toBe(403)
    const theirs = await propose(zl, { personalTagId: await personalTagId(zl, '脾气急'), proposedName: '脾气急' })
    expect((await ww.post(`/api/proposals/${theirs.body.id}/approve`, approveAll)).status).toBe(403)
    expect((await ww.post(`/api/proposals/${theirs.body.id}/reject`, { reason: '不是我的' })).status).toBe(403)

    const own = await ww.post('/api/personal-tags', { name: '决策人' })
    const wwProposal = await propose(ww, { personalTagId: own.body.tag.id, proposedName: '决策人' })
    const self = await ww.post(`/api/proposals/${wwProposal.body.id}/approve`, approveAll)
    expect(self.status).toBe(403)
    expect(self.body.error.message).toContain('自己')
    expect((await ww.get('/api/proposals?view=queue')).body.proposals.map((p: { id: number }) => p.id)).toEqual([mine.body.id])
    expect((await zs.get(`/api/proposals/${mine.body.id}`)).body.status).toBe('pending')
  })

  it('should reject with a reason, tell the proposer once, and keep the decision final', async () => {
    const { body: p } = await propose(zs, { personalTagId: highIntent })
    const rejected = await ww.post(`/api/proposals/${p.id}/reject`, { reason: '已有类似标签' })
    expect(rejected.status).toBe(200)
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: 'reject', decisionReason: '已有类似标签', decidedBy: { userId: 'wangwu', name: '王五' } })

    expect((await zs.get('/api/proposals/summary')).body.unseenDecisions).toBe(1)
    expect((await zs.get('/api/proposals?view=mine')).body.proposals[0].unseen).toBe(true)
    expect((await zs.post('/api/proposals/seen')).body.marked).toBe(1)
    expect((await zs.get('/api/proposals/summary')).body.unseenDecisions).toBe(0)

    for (const [client, action, body] of [[ww, 'approve', approveAll], [ww, 'reject', { reason: '再驳回' }], [zs, 'withdraw', {}]] as const) {
      const res = await client.post(`/api/proposals/${p.id}/${action}`, body)
      expect(res.status).toBe(409)
      expect(res.body.error.message).toContain('驳回')
    }
  })

  it('should let only the proposer withdraw, after which nobody can decide it', async () => {
    const { body: p } = await propose(zs, { personalTagId: highIntent })
    expect((await ww.post(`/api/proposals/${p.id}/withdraw`)).status).toBe(403)
    const withdrawn = await zs.post(`/api/proposals/${p.id}/withdraw`)
    expect(withdrawn.body.status).toBe('withdrawn')
    expect((await ww.get('/api/proposals/summary')).body.pendingToDecide).toBe(0)
    const late = await ww.post(`/api/proposals/${p.id}/approve`, approveAll)
    expect(late.status).toBe(409)
    expect(late.body.error.message).toContain('撤回')
    expect((await zs.post(`/api/proposals/${p.id}/withdraw`)).status).toBe(409)
    expect((await propose(zs, { personalTagId: highIntent, reason: '补充了理由' })).status).toBe(201)
  })

  it('should withdraw a pending request when its personal tag is deleted, keeping the request readable', async () => {
    const { body: p } = await propose(zs, { personalTagId: highIntent })
    const del = await zs.delete(`/api/personal-tags/${highIntent}`)
    expect(del.status).toBe(200)
    expect((await zs.get('/api/personal-tags')).body.tags.map((x: { name: string }) => x.name)).not.toContain('高意向')
    expect((await zs.get(`/api/proposals/${p.id}`)).body).toMatchObject({ status: 'withdrawn', personalTag: { name: '高意向', retired: true } })
    expect((await ww.get('/api/proposals/summary')).body.pendingToDecide).toBe(0)
  })

  it('should approve once; a second approval is refused', async () => {
    const { body: p } = await propose(zs, { personalTagId: highIntent })
    const ok = await ww.post(`/api/proposals/${p.id}/approve`, approveAll)
    expect(ok.status).toBe(200)
    expect(ok.body.proposal).toMatchObject({ status: 'approved', decision: 'create', resultTag: { name: '高意向', group: '购买意向' }, migratedCount: 5 })
    const twice = await admin.post(`/api/proposals/${p.id}/approve`, approveAll)
    expect(twice.status).toBe(409)
    expect((await zs.get('/api/proposals/summary')).body.unseenDecisions).toBe(1)
  })

  it('should refuse creating a tag that already exists in the chosen group, but allow merging into it', async () => {
    const { body: p } = await propose(zs, { personalTagId: highIntent, proposedName: '华东意向' })
    const region = groupId(t, '区域')
    const dup = await ww.post(`/api/proposals/${p.id}/approve`, { ...approveAll, groupId: region, name: '华东' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('DUPLICATE')
    expect((await ww.post(`/api/proposals/${p.id}/approve`, { ...approveAll, decision: 'merge' })).status).toBe(400)
    expect((await ww.post(`/api/proposals/${p.id}/approve`, { ...approveAll, decision: 'merge', mergeTagId: 999999 })).status).toBe(404)
  })
})
