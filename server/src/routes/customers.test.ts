import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

type Group = { id: number, name: string, editable: boolean, reason: string | null, path: string[], tags: Array<{ id: number, name: string, selected: boolean, markedBy?: string }> }

const groupNamed = (body: { corporate: { groups: Group[] } }, name: string) => body.corporate.groups.find(g => g.name === name)
const tagId = (body: { corporate: { groups: Group[] } }, group: string, tag: string) => groupNamed(body, group)!.tags.find(t => t.name === tag)!.id
const selectedIn = (body: { corporate: { groups: Group[] } }, group: string) => groupNamed(body, group)!.tags.filter(t => t.selected).map(t => t.name)

describe('GET /api/customers/:id/tags', () => {
  it('should show the customer, the groups in scope in order and the member\'s own personal tags with notes', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const { status, body } = await zs.get('/api/customers/wmDemo001/tags')
    expect(status).toBe(200)
    expect(body.customer).toMatchObject({ externalUserId: 'wmDemo001', name: '陈女士', corpName: '杭州青禾母婴' })
    expect(body.corporate.groups.map((g: Group) => g.name)).toEqual(['客户等级', '区域', '渠道来源', '消费偏好', '母婴类', '奶粉段位', '会员等级', '维修记录'])
    expect(groupNamed(body, '奶粉段位')!.path).toEqual(['消费偏好', '母婴类', '奶粉段位'])
    expect(selectedIn(body, '客户等级')).toEqual(['A类'])
    const bargain = body.personal.tags.find((p: { name: string }) => p.name === '爱砍价')
    expect(bargain).toMatchObject({ selected: true, note: '连续三次提到价格贵' })
    expect(body.personal.tags.find((p: { name: string }) => p.name === '需要发票')).toMatchObject({ selected: false, note: null })
  })

  it('should mark locked and editor-restricted groups read-only with the reason', async () => {
    const t = makeTestApp()
    const { body } = await (await t.as('zhangsan')).get('/api/customers/wmDemo001/tags')
    expect(groupNamed(body, '会员等级')).toMatchObject({ editable: false, reasonCode: 'LOCKED', reason: '已锁定，仅管理员可修改' })
    expect(groupNamed(body, '维修记录')).toMatchObject({ editable: false, reasonCode: 'NOT_EDITOR', reason: '该标签组仅售后部可编辑' })
    expect(groupNamed(body, '区域')).toMatchObject({ editable: true, reason: null })
  })

  it('should hide groups outside the member\'s scope and show them to their department and to admins', async () => {
    const t = makeTestApp()
    expect(groupNamed((await (await t.as('zhangsan')).get('/api/customers/wmDemo001/tags')).body, '广告渠道')).toBeUndefined()
    expect(groupNamed((await (await t.as('admin')).get('/api/customers/wmDemo001/tags')).body, '广告渠道')).toBeDefined()
    const zhaoliu = await (await t.as('zhaoliu')).get('/api/customers/wmDemo021/tags')
    expect(groupNamed(zhaoliu.body, '维修记录')!.editable).toBe(true)
  })

  it('should answer 404 for a customer the member does not follow, and for an unknown one', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    expect((await zs.get('/api/customers/wmDemo025/tags')).status).toBe(404)
    expect((await zs.get('/api/customers/wmNope/tags')).status).toBe(404)
    expect((await zs.get('/api/customers/bad%20id/tags')).status).toBe(400)
  })

  it('should never show another member\'s personal tags', async () => {
    const t = makeTestApp()
    const { body } = await (await t.as('lisi')).get('/api/customers/wmDemo001/tags')
    const names = body.personal.tags.map((p: { name: string }) => p.name)
    expect(names).toEqual(expect.arrayContaining(['高意向', '老客户转介绍']))
    expect(names).not.toContain('爱砍价')
  })
})

describe('POST /api/customers/:id/corporate-tags', () => {
  it('should add and remove tags and show the change to other members', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const south = tagId(before, '区域', '华南')
    const east = tagId(before, '区域', '华东')
    const res = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [south], remove: [east] })
    expect(res.status).toBe(200)
    expect(selectedIn(res.body, '区域')).toEqual(['华南'])
    const asLisi = (await (await t.as('lisi')).get('/api/customers/wmDemo001/tags')).body
    expect(selectedIn(asLisi, '区域')).toEqual(['华南'])
    expect(groupNamed(asLisi, '区域')!.tags.find(x => x.name === '华南')!.markedBy).toBe('zhangsan')
  })

  it('should replace the sibling in an exclusive group', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const res = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '客户等级', 'B类')] })
    expect(selectedIn(res.body, '客户等级')).toEqual(['B类'])
  })

  it('should refuse two tags of one exclusive group in one delta with 422 and change nothing', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const res = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '客户等级', 'B类'), tagId(before, '客户等级', 'C类')] })
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'RULE_VIOLATION' } } })
    expect(selectedIn((await zs.get('/api/customers/wmDemo001/tags')).body, '客户等级')).toEqual(['A类'])
  })

  it('should refuse a locked group with 403 GROUP_LOCKED, an editor-restricted one with GROUP_NOT_EDITABLE', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const gold = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '会员等级', '金卡')] })
    expect(gold).toMatchObject({ status: 403, body: { error: { code: 'GROUP_LOCKED' } } })
    const repair = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '维修记录', '已报修')] })
    expect(repair).toMatchObject({ status: 403, body: { error: { code: 'GROUP_NOT_EDITABLE' } } })
    expect(repair.body.error.message).toContain('售后部')
  })

  it('should let an admin edit a locked group', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    const before = (await admin.get('/api/customers/wmDemo001/tags')).body
    const res = await admin.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '会员等级', '金卡')] })
    expect(res.status).toBe(200)
    expect(selectedIn(res.body, '会员等级')).toEqual(['银卡', '金卡'])
  })

  it('should answer 404 for a tag out of scope or unknown, without revealing it', async () => {
    const t = makeTestApp()
    const adminView = (await (await t.as('admin')).get('/api/customers/wmDemo001/tags')).body
    const zs = await t.as('zhangsan')
    expect((await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(adminView, '广告渠道', '朋友圈')] })).status).toBe(404)
    expect((await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [99999] })).status).toBe(404)
  })

  it('should be idempotent and refuse malformed deltas with 400', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const north = tagId(before, '区域', '华北')
    await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [north] })
    const again = await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [north] })
    expect(selectedIn(again.body, '区域')).toEqual(['华东', '华北'])
    for (const bad of [{}, { add: [] }, { add: ['1'] }, { add: [-1] }, { add: [1], extra: true }, { add: [north], remove: [north] }])
      expect((await zs.post('/api/customers/wmDemo001/corporate-tags', bad)).status).toBe(400)
  })

  it('should write an audit entry for every change', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [tagId(before, '客户等级', 'C类')] })
    const rows = t.db.$client.prepare(`select action, actor_id, customer_id from audit_log where customer_id = 'wmDemo001' order by id`).all()
    expect(rows).toEqual([
      { action: 'customer.corporate_tag.add', actor_id: 'zhangsan', customer_id: 'wmDemo001' },
      { action: 'customer.corporate_tag.remove', actor_id: 'zhangsan', customer_id: 'wmDemo001' },
    ])
    expect(() => t.db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/)
  })
})
