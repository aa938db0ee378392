import type { DomainHooks } from '../services/hooks.ts'
import type { WecomTagGroup } from './client.ts'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'
import { enqueueLibraryChange } from './outbox-library.ts'
import { reconcileTagLibrary } from './sync-tags.ts'

/** The demo company with the region group as if a sync had linked it to WeCom. */
async function setup(hooks: DomainHooks = { onLibraryChange: enqueueLibraryChange }) {
  const t = makeTestApp({ hooks })
  const sql = t.db.$client
  const region = sql.prepare(`select id from tag_groups where name = '区域'`).get() as { id: number }
  sql.prepare(`update tag_groups set wecom_id = 'etG1' where id = ?`).run(region.id)
  for (const [name, id] of [['华东', 'etT1'], ['华南', 'etT2'], ['华北', 'etT3']]) sql.prepare('update corp_tags set wecom_id = ? where name = ?').run(id, name)
  const tagId = (name: string) => (sql.prepare('select id from corp_tags where name = ? and deleted_at is null').get(name) as { id: number }).id
  const rows = () => sql.prepare(`select kind, payload from wecom_outbox order by id`).all().map((r: any) => ({ kind: r.kind, ...JSON.parse(r.payload) }))
  return { t, sql, admin: await t.as('admin'), regionId: region.id, tagId, rows }
}

describe('admin library changes in live mode', () => {
  it('should queue an add for a new tag and nothing for an empty group or a refused change', async () => {
    const { admin, regionId, rows } = await setup()
    const created = await admin.post('/api/admin/tags', { groupId: regionId, name: '西南' })
    expect(created.status).toBe(201)
    expect(rows()).toEqual([{ kind: 'add_corp_tag', groupId: regionId }])
    expect((await admin.post('/api/admin/tags', { groupId: regionId, name: '西南' })).status).toBe(409)
    expect((await admin.post('/api/admin/groups', { name: '新分组' })).status).toBe(201)
    expect(rows()).toHaveLength(1)
  })

  it('should queue a rename of a linked tag and group, and nothing for a move in our tree alone', async () => {
    const { admin, regionId, tagId, rows } = await setup()
    await admin.patch(`/api/admin/tags/${tagId('华东')}`, { name: '华东区' })
    await admin.patch(`/api/admin/groups/${regionId}`, { name: '销售区域' })
    const other = (await admin.post('/api/admin/groups', { name: '上级' })).body.id
    await admin.patch(`/api/admin/groups/${regionId}`, { parentId: other })
    expect(rows()).toEqual([{ kind: 'edit_corp_tag', tagId: tagId('华东区') }, { kind: 'edit_corp_tag', groupId: regionId }])
  })

  it('should queue a delete with WeCom ids, then on restore an add and the customers\' marks', async () => {
    const { sql, admin, tagId, rows } = await setup()
    const id = tagId('华南')
    const carriers = sql.prepare('select external_user_id from customer_corp_tags where tag_id = ? order by 1').all(id)
    expect(carriers.length).toBeGreaterThan(0)
    const del = await admin.delete(`/api/admin/tags/${id}`)
    expect(rows()).toEqual([{ kind: 'del_corp_tag', groupIds: [], tagIds: [id], wecomGroupIds: [], wecomTagIds: ['etT2'], parentGroupIds: [expect.any(Number)] }])
    expect((await admin.post(`/api/admin/recycle-bin/${del.body.deletionId}/restore`)).status).toBe(200)
    const after = rows().slice(1)
    expect(after.map(r => r.kind)).toEqual(['add_corp_tag', ...carriers.map(() => 'mark_tag')])
    expect(after[1]).toMatchObject({ add: [id], remove: [] })
    expect(sql.prepare(`select external_user_id from wecom_outbox where kind = 'mark_tag' order by 1`).all()).toEqual(carriers)
  })

  it('should queue a move of a linked tag as a delete of its WeCom id, an add in the new group and its marks', async () => {
    const { sql, admin, regionId, tagId, rows } = await setup()
    const id = tagId('华东')
    const carriers = sql.prepare('select count(*) as n from customer_corp_tags where tag_id = ?').get(id) as { n: number }
    const level = (sql.prepare(`select id from tag_groups where name = '客户等级'`).get() as { id: number }).id
    expect((await admin.patch(`/api/admin/tags/${id}`, { groupId: level })).status).toBe(200)
    expect(rows().slice(0, 2)).toEqual([
      { kind: 'del_corp_tag', groupIds: [], tagIds: [id], wecomGroupIds: [], wecomTagIds: ['etT1'], parentGroupIds: [regionId] },
      { kind: 'add_corp_tag', groupId: level },
    ])
    expect(rows().slice(2).filter(r => r.kind === 'mark_tag')).toHaveLength(carriers.n)
    expect(sql.prepare('select wecom_id from corp_tags where id = ?').get(id)).toEqual({ wecom_id: null })
  })

  it('should roll the admin change back when queueing fails, so nothing half-done is left', async () => {
    const { admin, regionId, sql } = await setup({ onLibraryChange: () => { throw new Error('queue unavailable') } })
    const res = await admin.post('/api/admin/tags', { groupId: regionId, name: '西南' })
    expect(res.status).toBe(500)
    expect(sql.prepare(`select count(*) as n from corp_tags where name = '西南'`).get()).toEqual({ n: 0 })
    expect(sql.prepare(`select count(*) as n from audit_log where action = 'tag.create'`).get()).toEqual({ n: 0 })
  })
})

describe('the tag sync beside the library outbox', () => {
  const wecom = (names: string[]): WecomTagGroup[] => [{ group_id: 'etG1', group_name: '区域', tag: names.map((name, i) => ({ id: `etT${i + 1}`, name })) }]

  it('should neither undo a rename WeCom has not seen yet nor import a binned tag again', async () => {
    const { t, sql, admin, tagId } = await setup()
    const east = tagId('华东')
    await admin.patch(`/api/admin/tags/${east}`, { name: '华东区' })
    await admin.delete(`/api/admin/tags/${tagId('华南')}`)
    // WeCom's snapshot still has the old name and the deleted tag: the outbox has not run.
    reconcileTagLibrary(t.db, wecom(['华东', '华南', '华北']), 7)
    const live = sql.prepare(`select name from corp_tags where group_id = (select group_id from corp_tags where id = ?) and deleted_at is null order by id`).all(east)
    expect(live).toEqual([{ name: '华东区' }, { name: '华北' }])
    // Once the rename is pushed, WeCom's word counts again (here: an admin there renamed it).
    sql.prepare(`update wecom_outbox set status = 'done', done_at = 0`).run()
    reconcileTagLibrary(t.db, wecom(['华东一区', '华南', '华北']), 7)
    expect(sql.prepare('select name from corp_tags where id = ?').get(east)).toEqual({ name: '华东一区' })
  })

  it('should queue the tag an approved promotion creates, so WeCom gets it before the next sync', async () => {
    const { t, sql, rows } = await setup()
    const zs = await t.as('zhangsan')
    const tagId = (await zs.get('/api/personal-tags')).body.tags.find((x: { name: string }) => x.name === '高意向').id
    const proposal = await zs.post('/api/proposals', { personalTagId: tagId, proposedName: '高意向', newGroupName: '购买意向', reason: '三个人都在用' })
    expect(proposal.status).toBe(201)
    const approved = await (await t.as('wangwu')).post(`/api/proposals/${proposal.body.id}/approve`, { decision: 'create', migrateScope: 'all', retirePersonal: false })
    expect(approved.status).toBe(200)
    const group = sql.prepare(`select id from tag_groups where name = '购买意向'`).get() as { id: number }
    expect(rows().filter(r => r.kind === 'add_corp_tag')).toEqual([{ kind: 'add_corp_tag', groupId: group.id }])
  })
})
