import type { LibraryTree } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { purgeExpired } from '../services/admin/recycle-bin.ts'
import { makeTestApp } from '../test-utils.ts'

async function setup() {
  const t = makeTestApp()
  const admin = await t.as('admin')
  const tree = async () => ((await admin.get('/api/admin/library')).body as LibraryTree)
  const group = async (name: string) => (await tree()).groups.find(g => g.name === name)
  /** Every corporate assignment as it is stored, so a round trip can be compared row by row. */
  const assignments = () => t.db.$client.prepare('select external_user_id, tag_id, marked_by, marked_at, source from customer_corp_tags order by 1, 2').all()
  const mark = (customer: string, tagId: number, by: string, source = 'manual') =>
    t.db.$client.prepare('insert into customer_corp_tags (external_user_id, tag_id, marked_by, marked_at, source) values (?, ?, ?, ?, ?)').run(customer, tagId, by, 1_700_000_000_000, source)
  return { t, admin, tree, group, assignments, mark }
}

describe('recycle bin', () => {
  it('should restore a deleted group tree with its tags and every assignment as it was', async () => {
    const { admin, group, assignments, mark } = await setup()
    const baby = (await group('母婴类'))!
    const milk = (await group('奶粉段位'))!
    mark('wmDemo004', milk.tags[1]!.id, 'lisi', 'import')
    const before = assignments()
    const pref = (await group('消费偏好'))!
    const del = await admin.delete(`/api/admin/groups/${pref.id}`)
    expect(del.status).toBe(200)
    expect(del.body).toMatchObject({ tagCount: 8, assignmentCount: 2 })
    expect(await group('母婴类')).toBeUndefined()
    expect(assignments().length).toBe(before.length - 2)

    const bin = await admin.get('/api/admin/recycle-bin')
    expect(bin.body.retentionDays).toBe(7)
    const item = bin.body.items[0]
    expect(item).toMatchObject({ kind: 'group', name: '消费偏好', tagCount: 8, assignmentCount: 2, deletedByName: '管理员', status: 'in_bin' })
    expect(item.expiresAt - item.deletedAt).toBe(7 * 24 * 3600 * 1000)

    const restored = await admin.post(`/api/admin/recycle-bin/${item.id}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.body).toMatchObject({ name: '消费偏好', renamedFrom: null, assignmentsRestored: 2, assignmentsSkipped: 0 })
    expect(assignments()).toEqual(before)
    expect((await group('奶粉段位'))!.path).toEqual(['消费偏好', '母婴类', '奶粉段位'])
    expect((await group('母婴类'))!.id).toBe(baby.id)
    expect((await admin.get('/api/admin/recycle-bin')).body.items).toEqual([])
    expect((await admin.post(`/api/admin/recycle-bin/${item.id}/restore`)).status).toBe(404)
  })

  it('should show the sidebar the tag again after a tag is deleted and restored', async () => {
    const { t, admin, group } = await setup()
    const east = (await group('区域'))!.tags.find(x => x.name === '华东')!
    const zs = await t.as('zhangsan')
    const selected = async () => (await zs.get('/api/customers/wmDemo001/tags')).body.corporate.groups.find((g: any) => g.name === '区域').tags.filter((x: any) => x.selected).map((x: any) => x.name)
    await admin.delete(`/api/admin/tags/${east.id}`)
    expect(await selected()).toEqual([])
    const [item] = (await admin.get('/api/admin/recycle-bin')).body.items
    await admin.post(`/api/admin/recycle-bin/${item.id}/restore`)
    expect(await selected()).toEqual(['华东'])
  })

  it('should restore under a suffixed name when the name was reused meanwhile, keeping both', async () => {
    const { admin, group, tree } = await setup()
    const region = (await group('区域'))!
    const east = region.tags.find(x => x.name === '华东')!
    await admin.delete(`/api/admin/tags/${east.id}`)
    await admin.post('/api/admin/tags', { groupId: region.id, name: '华东' })
    await admin.delete(`/api/admin/groups/${region.id}`)
    await admin.post('/api/admin/groups', { name: '区域' })
    const items = (await admin.get('/api/admin/recycle-bin')).body.items
    const groupItem = items.find((i: any) => i.kind === 'group')
    const tagItem = items.find((i: any) => i.kind === 'tag')
    // The tag's group is in the bin: restore the group first.
    expect((await admin.post(`/api/admin/recycle-bin/${tagItem.id}/restore`)).status).toBe(409)
    const g = await admin.post(`/api/admin/recycle-bin/${groupItem.id}/restore`)
    expect(g.body).toMatchObject({ name: '区域（恢复）', renamedFrom: '区域' })
    const t2 = await admin.post(`/api/admin/recycle-bin/${tagItem.id}/restore`)
    expect(t2.body).toMatchObject({ name: '华东（恢复）', renamedFrom: '华东', assignmentsRestored: 2 })
    const names = (await tree()).groups.filter(x => x.name.startsWith('区域')).map(x => `${x.name}:${x.tags.map(y => y.name).join(',')}`)
    expect(names.sort()).toEqual(['区域:', '区域（恢复）:华东（恢复）,华南,华北,华东']) // back in its old place
  })

  it('should purge by hand: the rows and stored assignments are gone for good', async () => {
    const { t, admin, group } = await setup()
    const level = (await group('客户等级'))!
    await admin.delete(`/api/admin/groups/${level.id}`)
    const [item] = (await admin.get('/api/admin/recycle-bin')).body.items
    expect((await admin.delete(`/api/admin/recycle-bin/${item.id}`)).status).toBe(200)
    const count = (sql: string) => (t.db.$client.prepare(sql).get() as { n: number }).n
    expect(count(`select count(*) n from tag_groups where id = ${level.id}`)).toBe(0)
    expect(count(`select count(*) n from corp_tags where group_id = ${level.id}`)).toBe(0)
    expect(count(`select count(*) n from deleted_assignments`)).toBe(0)
    expect((await admin.post(`/api/admin/recycle-bin/${item.id}/restore`)).status).toBe(404)
    expect((await admin.get('/api/admin/recycle-bin?all=1')).body.items[0].status).toBe('purged')
  })

  it('should purge items past the retention period on the scheduled run, and refuse restoring them', async () => {
    const { t, admin, group } = await setup()
    const member = (await group('会员等级'))!
    await admin.delete(`/api/admin/groups/${member.id}`)
    const [item] = (await admin.get('/api/admin/recycle-bin')).body.items
    expect(purgeExpired(t.db, new Date(item.expiresAt - 1))).toBe(0)
    t.db.$client.prepare('update deletions set expires_at = ? where id = ?').run(Date.now() - 1, item.id)
    expect((await admin.post(`/api/admin/recycle-bin/${item.id}/restore`)).status).toBe(409)
    expect(purgeExpired(t.db)).toBe(1)
    expect((await admin.get('/api/admin/recycle-bin')).body.items).toEqual([])
  })

  it('should keep the retention period configurable', async () => {
    const t = makeTestApp({ env: { RECYCLE_RETENTION_DAYS: '30' } })
    const admin = await t.as('admin')
    const del = await admin.delete('/api/admin/tags/1')
    const [item] = (await admin.get('/api/admin/recycle-bin')).body.items
    expect(item.expiresAt - item.deletedAt).toBe(30 * 24 * 3600 * 1000)
    expect(del.body.expiresAt).toBe(item.expiresAt)
  })
})
