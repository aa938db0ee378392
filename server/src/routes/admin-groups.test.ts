import type { LibraryTree } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

async function setup() {
  const t = makeTestApp()
  const admin = await t.as('admin')
  const tree = async () => (await admin.get('/api/admin/library')).body as LibraryTree
  const groupId = async (name: string) => (await tree()).groups.find(g => g.name === name)!.id
  return { t, admin, tree, groupId }
}

describe('admin library tree', () => {
  it('should list the groups as a tree with tag counts and customer counts', async () => {
    const { admin } = await setup()
    const res = await admin.get('/api/admin/library')
    expect(res.status).toBe(200)
    const milk = res.body.groups.find((g: any) => g.name === '奶粉段位')
    expect(milk.path).toEqual(['消费偏好', '母婴类', '奶粉段位'])
    expect(milk.depth).toBe(2)
    const region = res.body.groups.find((g: any) => g.name === '区域')
    expect(region.tagCount).toBe(3)
    // Seed: 华东 on wmDemo001 and wmDemo002, 华南 on wmDemo003.
    expect(region.tags.find((x: any) => x.name === '华东').customerCount).toBe(2)
    expect(res.body.quota).toEqual({ used: 9, max: 300 })
  })

  it('should refuse every admin endpoint to a non-admin with 403', async () => {
    const { t } = await setup()
    const zs = await t.as('zhangsan')
    const calls = [
      zs.get('/api/admin/library'),
      zs.post('/api/admin/groups', { name: '新组' }),
      zs.patch('/api/admin/groups/1', { name: '改名' }),
      zs.post('/api/admin/groups/1/move', { direction: 'down' }),
      zs.post('/api/admin/groups/1/sort-tags-by-usage'),
      zs.post('/api/admin/groups/1/settings/preview', { scope: [], editors: [], locked: false, exclusive: false }),
      zs.put('/api/admin/groups/1/settings', { scope: [], editors: [], locked: false, exclusive: false }),
      zs.delete('/api/admin/groups/1'),
      zs.post('/api/admin/tags', { groupId: 1, name: 'D类' }),
      zs.patch('/api/admin/tags/1', { name: 'X' }),
      zs.post('/api/admin/tags/1/move', { direction: 'down' }),
      zs.delete('/api/admin/tags/1'),
      zs.get('/api/admin/access/why?userId=lisi&groupId=1'),
      zs.get('/api/admin/recycle-bin'),
      zs.post('/api/admin/recycle-bin/1/restore'),
      zs.delete('/api/admin/recycle-bin/1'),
      zs.get('/api/admin/audit'),
      zs.get('/api/admin/directory'),
      zs.post('/api/admin/roles/grant', { userId: 'zhangsan', role: 'admin' }),
      zs.post('/api/admin/roles/revoke', { userId: 'admin', role: 'admin' }),
    ]
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
    expect((await t.request('GET', '/api/admin/library')).status).toBe(401)
  })
})

describe('admin group writes', () => {
  it('should create a nested group, warn on a long name and on a similar name anywhere', async () => {
    const { admin, groupId, tree } = await setup()
    const res = await admin.post('/api/admin/groups', { name: '区域客户', parentId: await groupId('消费偏好') })
    expect(res.status).toBe(201)
    expect(res.body.warnings.find((w: any) => w.code === 'SIMILAR').similar.map((s: any) => s.name)).toContain('区域')
    const long = await admin.post('/api/admin/groups', { name: '客户生命周期阶段' })
    expect(long.body.warnings.map((w: any) => w.code)).toContain('LONG_NAME')
    const created = (await tree()).groups.find(g => g.id === res.body.id)!
    expect(created.path).toEqual(['消费偏好', '区域客户'])
  })

  it('should refuse a duplicate sibling name with 409 and a name past 30 characters with 422', async () => {
    const { admin } = await setup()
    const dup = await admin.post('/api/admin/groups', { name: ' 区 域 ' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('DUPLICATE')
    const tooLong = await admin.post('/api/admin/groups', { name: '长'.repeat(31) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.body.error.code).toBe('NAME_INVALID')
    expect((await admin.post('/api/admin/groups', { name: '价格@带宽' })).status).toBe(422)
  })

  it('should refuse the 301st group with 422 QUOTA_EXCEEDED', async () => {
    const { admin, t } = await setup()
    const now = Date.now()
    const insert = t.db.$client.prepare('insert into tag_groups (name, sort_order, created_at, updated_at) values (?, ?, ?, ?)')
    for (let i = 0; i < 291; i++) insert.run(`批量组${i}`, 100 + i, now, now)
    const { invalidateCatalog } = await import('../services/catalog.ts')
    invalidateCatalog(t.db)
    const res = await admin.post('/api/admin/groups', { name: '第301个' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('QUOTA_EXCEEDED')
    expect(res.body.error.message).toContain('300')
  })

  it('should rename and re-parent a group but refuse moving it under its own descendant', async () => {
    const { admin, groupId, tree } = await setup()
    const pref = await groupId('消费偏好')
    const renamed = await admin.patch(`/api/admin/groups/${pref}`, { name: '偏好' })
    expect(renamed.status).toBe(200)
    const cycle = await admin.patch(`/api/admin/groups/${pref}`, { parentId: await groupId('奶粉段位') })
    expect(cycle.status).toBe(422)
    const self = await admin.patch(`/api/admin/groups/${pref}`, { parentId: pref })
    expect(self.status).toBe(422)
    const milk = await groupId('奶粉段位')
    expect((await admin.patch(`/api/admin/groups/${milk}`, { parentId: null })).status).toBe(200)
    expect((await tree()).groups.find(g => g.id === milk)!.path).toEqual(['奶粉段位'])
    expect((await admin.patch('/api/admin/groups/9999', { name: '无' })).status).toBe(404)
  })

  it('should move a group up, down and to a position among its siblings', async () => {
    const { admin, groupId, tree } = await setup()
    const topNames = async () => (await tree()).groups.filter(g => g.parentId === null).map(g => g.name)
    const region = await groupId('区域')
    await admin.post(`/api/admin/groups/${region}/move`, { direction: 'up' })
    expect((await topNames()).slice(0, 2)).toEqual(['区域', '客户等级'])
    await admin.post(`/api/admin/groups/${region}/move`, { position: 3 })
    expect((await topNames())[3]).toBe('区域')
    expect((await admin.post(`/api/admin/groups/${region}/move`, { direction: 'up', position: 1 })).status).toBe(400)
  })

  it('should sort a group\'s tags by how many customers carry them in one action', async () => {
    const { admin, groupId, tree } = await setup()
    const region = await groupId('区域')
    const ids = (await tree()).groups.find(g => g.id === region)!.tags
    await admin.post(`/api/admin/tags/${ids.find(x => x.name === '华北')!.id}/move`, { position: 0 })
    const res = await admin.post(`/api/admin/groups/${region}/sort-tags-by-usage`)
    expect(res.status).toBe(200)
    expect((await tree()).groups.find(g => g.id === region)!.tags.map(x => x.name)).toEqual(['华东', '华南', '华北'])
  })
})
