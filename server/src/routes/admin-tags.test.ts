import type { LibraryTree } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

async function setup() {
  const t = makeTestApp()
  const admin = await t.as('admin')
  const tree = async () => (await admin.get('/api/admin/library')).body as LibraryTree
  const group = async (name: string) => (await tree()).groups.find(g => g.name === name)!
  return { t, admin, tree, group }
}

describe('admin tag writes', () => {
  it('should create a tag that the sidebar then offers', async () => {
    const { t, admin, group } = await setup()
    const region = await group('区域')
    const res = await admin.post('/api/admin/tags', { groupId: region.id, name: '西南' })
    expect(res.status).toBe(201)
    expect((await group('区域')).tags.map(x => x.name)).toEqual(['华东', '华南', '华北', '西南'])
    const zs = await t.as('zhangsan')
    const sidebar = await zs.get('/api/customers/wmDemo001/tags')
    expect(sidebar.body.corporate.groups.find((g: any) => g.name === '区域').tags.map((x: any) => x.name)).toContain('西南')
  })

  it('should refuse a duplicate in the same group and warn about a similar tag elsewhere', async () => {
    const { admin, group } = await setup()
    const region = await group('区域')
    const dup = await admin.post('/api/admin/tags', { groupId: region.id, name: '华东' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('DUPLICATE')
    const channel = await group('渠道来源')
    const similar = await admin.post('/api/admin/tags', { groupId: channel.id, name: '华东客户' })
    expect(similar.status).toBe(201)
    const warning = similar.body.warnings.find((w: any) => w.code === 'SIMILAR')
    expect(warning.similar).toContainEqual(expect.objectContaining({ name: '华东', group: '区域' }))
    expect((await admin.post('/api/admin/tags', { groupId: channel.id, name: 'x'.repeat(31) })).status).toBe(422)
    expect((await admin.post('/api/admin/tags', { groupId: 9999, name: '无处' })).status).toBe(404)
  })

  it('should rename a tag, keep its assignments when moved to another group, and reorder it', async () => {
    const { t, admin, group } = await setup()
    const east = (await group('区域')).tags.find(x => x.name === '华东')!
    expect((await admin.patch(`/api/admin/tags/${east.id}`, { name: '华东区' })).status).toBe(200)
    const channel = await group('渠道来源')
    expect((await admin.patch(`/api/admin/tags/${east.id}`, { groupId: channel.id })).status).toBe(200)
    const moved = (await group('渠道来源')).tags.find(x => x.id === east.id)!
    expect(moved).toMatchObject({ name: '华东区', customerCount: 2 })
    const zs = await t.as('zhangsan')
    const sidebar = await zs.get('/api/customers/wmDemo001/tags')
    expect(sidebar.body.corporate.groups.find((g: any) => g.name === '渠道来源').tags.find((x: any) => x.id === east.id).selected).toBe(true)
    await admin.post(`/api/admin/tags/${east.id}/move`, { direction: 'up' })
    expect((await group('渠道来源')).tags.map(x => x.name)).toEqual(['地推活动', '经销商', '华东区', '广告投放'])
    expect((await admin.patch(`/api/admin/tags/${east.id}`, { name: '经销商' })).status).toBe(409)
  })

  it('should answer 400 for malformed bodies and ids, never 500', async () => {
    const { admin } = await setup()
    expect((await admin.post('/api/admin/tags', { groupId: 'x', name: 1 })).status).toBe(400)
    expect((await admin.patch('/api/admin/tags/abc', { name: 'x' })).status).toBe(400)
    expect((await admin.post('/api/admin/tags/1/move', {})).status).toBe(400)
    expect((await admin.send('POST', '/api/admin/groups', '{"name":')).status).toBe(400)
  })
})
