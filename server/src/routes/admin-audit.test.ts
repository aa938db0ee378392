import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

/** A small history: admin edits the library, zhangsan marks a customer and keeps a personal tag. */
async function setup() {
  const t = makeTestApp()
  const admin = await t.as('admin')
  const zs = await t.as('zhangsan')
  const created = await admin.post('/api/admin/tags', { groupId: 2, name: '西南' })
  await admin.patch(`/api/admin/tags/${created.body.id}`, { name: '西南区' })
  await zs.post('/api/customers/wmDemo002/corporate-tags', { add: [created.body.id], remove: [] })
  await zs.post('/api/personal-tags', { name: '只我可见' })
  const audit = async (query = '') => (await admin.get(`/api/admin/audit${query}`)).body
  return { t, admin, zs, audit, tagId: created.body.id as number }
}

describe('admin audit log', () => {
  it('should list changes newest first with before and after, never personal-tag events', async () => {
    const { audit } = await setup()
    const page = await audit()
    expect(page.entries.map((e: any) => e.action).slice(0, 3)).toEqual(['customer.corporate_tag.add', 'tag.update', 'tag.create'])
    const rename = page.entries.find((e: any) => e.action === 'tag.update')
    expect(rename).toMatchObject({ actorId: 'admin', actorName: '管理员', before: { name: '西南' }, after: { name: '西南区' } })
    expect(page.entries.some((e: any) => e.action.startsWith('personal_tag'))).toBe(false)
    expect(JSON.stringify(page)).not.toContain('只我可见')
  })

  it('should filter by actor, action, action family, group, tag and customer', async () => {
    const { audit, tagId } = await setup()
    expect((await audit('?actor=zhangsan')).entries.map((e: any) => e.action)).toEqual(['customer.corporate_tag.add'])
    expect((await audit('?action=tag.create')).total).toBe(1)
    expect((await audit('?action=tag.')).total).toBe(2)
    expect((await audit(`?tagId=${tagId}`)).total).toBe(3)
    // Every setup entry is in group 2, so only another group shows the filter at work.
    expect((await audit('?groupId=2')).entries.map((e: any) => e.action)).toEqual(['customer.corporate_tag.add', 'tag.update', 'tag.create'])
    expect((await audit('?groupId=1')).total).toBe(0)
    expect((await audit('?customer=wmDemo002')).entries).toHaveLength(1)
    expect((await audit('?customer=wmDemo030')).total).toBe(0)
  })

  it('should filter by time range and paginate', async () => {
    const { audit } = await setup()
    const all = await audit()
    const newest = all.entries[0].at
    expect((await audit(`?from=${newest + 1}`)).total).toBe(0)
    expect((await audit(`?to=${new Date(newest).toISOString()}`)).total).toBe(all.total)
    expect((await audit('?from=2000-01-01')).total).toBe(all.total)
    const first = await audit('?pageSize=2&page=1')
    const second = await audit('?pageSize=2&page=2')
    expect(first.entries).toHaveLength(2)
    expect(second.entries[0].id).toBeLessThan(first.entries[1].id)
    expect(first.total).toBe(all.total)
  })

  it('should refuse malformed filters with 400', async () => {
    const { admin } = await setup()
    expect((await admin.get('/api/admin/audit?pageSize=1000')).status).toBe(400)
    expect((await admin.get('/api/admin/audit?from=yesterday')).status).toBe(400)
    expect((await admin.get('/api/admin/audit?action=DROP%20TABLE')).status).toBe(400)
  })
})
