import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

const codes = (items: Array<{ code: string }>) => items.map(i => i.code)

describe('POST /api/tag-names/check', () => {
  it('should refuse forbidden characters and too-long names', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const res = await zs.post('/api/tag-names/check', { name: '#双11', kind: 'personal' })
    expect(res.status).toBe(200)
    expect(res.body.valid).toBe(false)
    expect(codes(res.body.errors)).toEqual(['FORBIDDEN_CHAR'])
    expect(codes((await zs.post('/api/tag-names/check', { name: '长'.repeat(31), kind: 'personal' })).body.errors)).toEqual(['TOO_LONG'])
  })

  it('should call a personal duplicate a duplicate and offer similar corporate tags', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const dup = (await zs.post('/api/tag-names/check', { name: '爱\u3000砍价', kind: 'personal' })).body
    expect(dup.errors[0]).toMatchObject({ code: 'DUPLICATE' })
    const similar = (await zs.post('/api/tag-names/check', { name: '华东客户', kind: 'personal' })).body
    expect(similar.valid).toBe(true)
    expect(similar.warnings.find((w: { code: string }) => w.code === 'SIMILAR').similar).toEqual([expect.objectContaining({ name: '华东', kind: 'corporate', group: '区域' })])
  })

  it('should check corporate duplicates within the named group only', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    const region = (await admin.get('/api/customers/wmDemo001/tags')).body.corporate.groups.find((g: { name: string }) => g.name === '区域')
    expect((await admin.post('/api/tag-names/check', { name: '华东', kind: 'corporate', groupId: region.id })).body.valid).toBe(false)
    expect((await admin.post('/api/tag-names/check', { name: '华东', kind: 'corporate', groupId: region.id + 1 })).body.valid).toBe(true)
  })

  it('should never reveal other members\' personal tags or out-of-scope corporate tags', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const r1 = (await zs.post('/api/tag-names/check', { name: '老客户转介绍', kind: 'personal' })).body
    expect(r1.valid).toBe(true)
    expect(r1.warnings.filter((w: { code: string }) => w.code === 'SIMILAR')).toEqual([])
    const r2 = (await zs.post('/api/tag-names/check', { name: '朋友圈', kind: 'personal' })).body
    expect(r2.warnings.filter((w: { code: string }) => w.code === 'SIMILAR')).toEqual([])
  })

  it('should warn vague names with the 属性_特征 hint', async () => {
    const t = makeTestApp()
    const res = (await (await t.as('zhangsan')).post('/api/tag-names/check', { name: '待定', kind: 'personal' })).body
    expect(res.warnings.find((w: { code: string }) => w.code === 'VAGUE').message).toContain('咨询次数_3次以上')
  })

  it('should refuse a malformed request with 400', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    expect((await zs.post('/api/tag-names/check', { name: 'x', kind: 'other' })).status).toBe(400)
  })
})
