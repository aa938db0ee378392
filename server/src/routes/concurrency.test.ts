import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

describe('concurrent corporate deltas', () => {
  it('should keep every change when 50 deltas on one customer arrive at once', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    // 50 distinct non-exclusive tags to mark in parallel, from a wider library.
    const created = t.db.$client.prepare(`insert into tag_groups (name, sort_order, locked, exclusive, created_at, updated_at) values ('并发测试', 99, 0, 0, 0, 0)`).run()
    const insertTag = t.db.$client.prepare(`insert into corp_tags (group_id, name, name_key, sort_order, created_at) values (?, ?, ?, ?, 0)`)
    const ids = Array.from({ length: 50 }, (_, i) => Number(insertTag.run(created.lastInsertRowid, `标签${i}`, `标签${i}`, i).lastInsertRowid))
    const { invalidateCatalog } = await import('../services/catalog.ts')
    invalidateCatalog(t.db)
    const members = await Promise.all(['zhangsan', 'lisi'].map(u => t.as(u)))

    const responses = await Promise.all(ids.map((id, i) => members[i % 2]!.post('/api/customers/wmDemo001/corporate-tags', { add: [id] })))
    expect(responses.map(r => r.status)).toEqual(ids.map(() => 200))

    const group = (await admin.get('/api/customers/wmDemo001/tags')).body.corporate.groups.find((g: { name: string }) => g.name === '并发测试')
    expect(group.tags.filter((x: { selected: boolean }) => x.selected)).toHaveLength(50)

    // Half removed while the other half is re-added: removals land, re-adds are no-ops.
    await Promise.all(ids.map((id, i) => members[i % 2]!.post('/api/customers/wmDemo001/corporate-tags', i % 2 ? { remove: [id] } : { add: [id] })))
    const after = (await admin.get('/api/customers/wmDemo001/tags')).body.corporate.groups.find((g: { name: string }) => g.name === '并发测试')
    expect(after.tags.filter((x: { selected: boolean }) => x.selected).map((x: { id: number }) => x.id)).toEqual(ids.filter((_, i) => i % 2 === 0))
  })
})
