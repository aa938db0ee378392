import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

type PTag = { id: number, name: string, selected: boolean, note: string | null }
const personalOf = async (client: { get: (p: string) => Promise<{ body: any }> }, customer: string): Promise<PTag[]> =>
  (await client.get(`/api/customers/${customer}/tags`)).body.personal.tags

describe('personal tag library', () => {
  it('should create a tag, list it with its customer count, rename and delete it', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const created = await zs.post('/api/personal-tags', { name: '  周末_看店 ' })
    expect(created.status).toBe(201)
    expect(created.body.tag).toMatchObject({ name: '周末_看店', customerCount: 0 })
    const list = (await zs.get('/api/personal-tags')).body
    expect(list.tags.find((x: PTag) => x.name === '爱砍价').customerCount).toBe(2)
    const renamed = await zs.patch(`/api/personal-tags/${created.body.tag.id}`, { name: '周末看店' })
    expect(renamed.body.tag.name).toBe('周末看店')
    const deleted = await zs.delete(`/api/personal-tags/${created.body.tag.id}`)
    expect(deleted.body.removed).toMatchObject({ name: '周末看店', assignments: 0 })
    expect((await zs.get('/api/personal-tags')).body.tags.map((x: PTag) => x.name)).not.toContain('周末看店')
  })

  it('should refuse a duplicate after normalisation with 409, and bad names with 422', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    expect(await zs.post('/api/personal-tags', { name: '高 意向' })).toMatchObject({ status: 409, body: { error: { code: 'DUPLICATE' } } })
    expect(await zs.post('/api/personal-tags', { name: '@老板' })).toMatchObject({ status: 422, body: { error: { code: 'NAME_INVALID' } } })
    expect((await zs.post('/api/personal-tags', { name: '长'.repeat(31) })).status).toBe(422)
    expect((await zs.post('/api/personal-tags', { name: 123 })).status).toBe(400)
  })

  it('should allow the same name for two owners', async () => {
    const t = makeTestApp()
    expect((await (await t.as('zhaoliu')).post('/api/personal-tags', { name: '爱砍价' })).status).toBe(201)
  })

  it('should return warnings for similar and vague names without refusing them', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const res = await zs.post('/api/personal-tags', { name: '重要客户' })
    expect(res.status).toBe(201)
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('VAGUE')
    const similar = await zs.post('/api/personal-tags', { name: '意向高' })
    expect(similar.body.warnings.map((w: { code: string }) => w.code)).toContain('SIMILAR')
  })

  it('should enforce the configurable hard cap', async () => {
    const t = makeTestApp({ env: { PERSONAL_TAG_CAP: '5' } })
    const zs = await t.as('zhangsan') // already owns 4
    expect((await zs.post('/api/personal-tags', { name: '第五个' })).status).toBe(201)
    expect(await zs.post('/api/personal-tags', { name: '第六个' })).toMatchObject({ status: 422, body: { error: { code: 'QUOTA_EXCEEDED' } } })
  })

  it('should answer 404 for someone else\'s tag, even to an admin', async () => {
    const t = makeTestApp()
    const lisiTag = (await (await t.as('lisi')).get('/api/personal-tags')).body.tags[0].id
    for (const who of ['zhangsan', 'admin']) {
      const c = await t.as(who)
      expect((await c.patch(`/api/personal-tags/${lisiTag}`, { name: '偷改' })).status).toBe(404)
      expect((await c.delete(`/api/personal-tags/${lisiTag}`)).status).toBe(404)
      expect((await c.put(`/api/customers/wmDemo001/personal-tags/${lisiTag}`, {})).status).toBe(404)
    }
  })
})

describe('personal tags on a customer', () => {
  it('should assign with a note, update the note, and keep the note when none is sent', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const invoice = (await personalOf(zs, 'wmDemo001')).find(x => x.name === '需要发票')!
    const first = await zs.put(`/api/customers/wmDemo001/personal-tags/${invoice.id}`, { note: '要专票' })
    expect(first).toMatchObject({ status: 201, body: { tagId: invoice.id, note: '要专票' } })
    await zs.put(`/api/customers/wmDemo001/personal-tags/${invoice.id}`, { note: '要专票，抬头已发' })
    const kept = await zs.put(`/api/customers/wmDemo001/personal-tags/${invoice.id}`, {})
    expect(kept).toMatchObject({ status: 200, body: { note: '要专票，抬头已发' } })
    expect((await personalOf(zs, 'wmDemo001')).find(x => x.id === invoice.id)).toMatchObject({ selected: true, note: '要专票，抬头已发' })
  })

  it('should unassign, return what was removed, and let undo restore it with its note', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const bargain = (await personalOf(zs, 'wmDemo001')).find(x => x.name === '爱砍价')!
    const removed = await zs.delete(`/api/customers/wmDemo001/personal-tags/${bargain.id}`)
    expect(removed.body).toEqual({ removed: { tagId: bargain.id, name: '爱砍价', note: '连续三次提到价格贵' } })
    expect((await personalOf(zs, 'wmDemo001')).find(x => x.id === bargain.id)!.selected).toBe(false)
    expect((await zs.delete(`/api/customers/wmDemo001/personal-tags/${bargain.id}`)).status).toBe(404)
    await zs.put(`/api/customers/wmDemo001/personal-tags/${bargain.id}`, { note: removed.body.removed.note })
    expect((await personalOf(zs, 'wmDemo001')).find(x => x.id === bargain.id)).toMatchObject({ selected: true, note: '连续三次提到价格贵' })
  })

  it('should refuse a note over 500 characters and customers the member does not follow', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const tag = (await personalOf(zs, 'wmDemo001'))[0]!
    expect((await zs.put(`/api/customers/wmDemo001/personal-tags/${tag.id}`, { note: '字'.repeat(501) })).status).toBe(400)
    expect((await zs.put(`/api/customers/wmDemo030/personal-tags/${tag.id}`, {})).status).toBe(404)
  })

  it('should leave personal tags alone when corporate tags change', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const before = (await zs.get('/api/customers/wmDemo001/tags')).body
    const c = before.corporate.groups.find((g: { name: string }) => g.name === '客户等级').tags.find((x: { name: string }) => x.name === 'C类').id
    const after = (await zs.post('/api/customers/wmDemo001/corporate-tags', { add: [c] })).body
    expect(after.personal).toEqual(before.personal)
  })

  it('should keep personal-tag audit entries owned by their member', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const tag = (await personalOf(zs, 'wmDemo001'))[0]!
    await zs.delete(`/api/customers/wmDemo001/personal-tags/${tag.id}`)
    const rows = t.db.$client.prepare(`select owner_id from audit_log where action like 'customer.personal_tag.%'`).all()
    expect(rows).toEqual([{ owner_id: 'zhangsan' }])
  })
})
