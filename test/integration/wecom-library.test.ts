import type { LiveSetup } from './wecom-live-support.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSeed } from '../wecom-emulator/demo-data.ts'
import { apiClient, oauthLogin, startLiveSetup, until } from './wecom-live-support.ts'

// WeCom has 客户等级 from its own console; the app creates the other demo groups there at
// its first sync, so those are the app's to edit and delete.
let s: LiveSetup
let admin: ReturnType<typeof apiClient>
let member: ReturnType<typeof apiClient>
beforeAll(async () => {
  // A sync every 2 s, so the periodic sync runs between the admin's changes and the worker.
  s = await startLiveSetup(demoSeed(['客户等级']), { WECOM_SYNC_CRON: '*/2 * * * * *', WECOM_OUTBOX_BACKOFF_MS: '50' })
  await until('first sync', async () => (await s.emu.control('/state')).groups.some((g: any) => g.group_name === '区域'))
  await s.emu.control('/oauth-user', { userid: 'admin' })
  admin = apiClient(s.app, (await oauthLogin(s.app)).cookie!)
  await s.emu.control('/oauth-user', { userid: 'zhangsan' })
  member = apiClient(s.app, (await oauthLogin(s.app)).cookie!)
})
afterAll(async () => {
  s?.db().close()
  await s?.app.stop()
  await s?.emu.stop()
})

const sql = (q: string, ...args: unknown[]) => s.db().prepare(q).all(...args) as any[]
const localTag = (name: string) => sql('select * from corp_tags where name = ? and deleted_at is null', name)[0]
const localGroup = (name: string) => sql('select * from tag_groups where name = ? and deleted_at is null', name)[0]
const emu = async () => (await s.emu.control('/state')) as { groups: Array<{ group_id: string, group_name: string, tag: Array<{ id: string, name: string }> }>, follows: Array<{ userid: string, external_userid: string, tags: string[] }>, calls: Record<string, number> }
/** Every tag WeCom has of that name, with its group: a name twice would be a duplicate. */
const emuTags = async (name: string) => (await emu()).groups.flatMap(g => g.tag.filter(x => x.name === name).map(x => ({ ...x, group: g.group_name, groupId: g.group_id })))
const drained = () => until('outbox drained', () => sql(`select count(*) as n from wecom_outbox where status in ('pending', 'running')`)[0].n === 0)
const marksOf = async (customer: string) => (await emu()).follows.find(f => f.userid === 'zhangsan' && f.external_userid === customer)!.tags

describe('admin library changes in live mode', () => {
  it('should create a new tag and a new group in WeCom once and keep WeCom\'s ids', async () => {
    const region = localGroup('区域')
    expect((await admin.post('/api/admin/tags', { groupId: region.id, name: '西南' })).status).toBe(201)
    const group = (await admin.post('/api/admin/groups', { name: '直播渠道' })).body
    expect((await admin.post('/api/admin/tags', { groupId: group.id, name: '抖音' })).status).toBe(201)
    expect((await admin.post('/api/admin/tags', { groupId: group.id, name: '快手' })).status).toBe(201)
    await drained()
    const found = await emuTags('西南')
    expect(found).toHaveLength(1)
    const sw = found[0]
    expect(sw!.groupId).toBe(region.wecom_id)
    expect(localTag('西南').wecom_id).toBe(sw!.id)
    const live = (await emu()).groups.filter(g => g.group_name === '直播渠道')
    expect(live).toHaveLength(1)
    expect(live[0]!.tag.map(x => x.name)).toEqual(['抖音', '快手'])
    expect(localGroup('直播渠道').wecom_id).toBe(live[0]!.group_id)
    expect(localTag('快手').wecom_id).toBe(live[0]!.tag[1]!.id)
  })

  it('should rename a tag and a group in WeCom under the same ids', async () => {
    const tag = localTag('西南')
    const group = localGroup('直播渠道')
    await admin.patch(`/api/admin/tags/${tag.id}`, { name: '西南区' })
    await admin.patch(`/api/admin/groups/${group.id}`, { name: '直播' })
    await drained()
    expect(await emuTags('西南区')).toMatchObject([{ id: tag.wecom_id }])
    expect((await emu()).groups.find(g => g.group_id === group.wecom_id)?.group_name).toBe('直播')
    expect(localTag('西南区').wecom_id).toBe(tag.wecom_id)
  })

  it('should delete a tag in WeCom, and a group with its last tag, and create that group anew for a new tag', async () => {
    await admin.delete(`/api/admin/tags/${localTag('华北').id}`)
    const group = localGroup('直播')
    await admin.delete(`/api/admin/tags/${localTag('抖音').id}`)
    await admin.delete(`/api/admin/tags/${localTag('快手').id}`)
    await drained()
    expect(await emuTags('华北')).toEqual([])
    expect((await emu()).groups.some(g => g.group_id === group.wecom_id)).toBe(false)
    // WeCom dropped the empty group; ours stays (empty) and forgets the dead id.
    expect(localGroup('直播').wecom_id).toBeNull()
    await admin.post('/api/admin/tags', { groupId: group.id, name: '视频号' })
    await drained()
    const [video] = await emuTags('视频号')
    expect(video).toMatchObject({ group: '直播' })
    expect(localGroup('直播').wecom_id).toBe(video!.groupId)
  })

  it('should leave a tag in WeCom, with its customers, when the delete is undone before the worker ran', async () => {
    const south = localTag('华南')
    await member.post('/api/customers/wmDemo002/corporate-tags', { add: [south.id], remove: [] })
    await until('marked', async () => (await marksOf('wmDemo002')).includes(south.wecom_id))
    // Hold the library lane on a slow rename, so the delete and the restore queue up behind it.
    await s.emu.control('/faults', { delayMs: [1500, 1500], apis: ['externalcontact/edit_corp_tag'] })
    await admin.patch(`/api/admin/tags/${localTag('华东').id}`, { name: '华东区' })
    const del = (await admin.delete(`/api/admin/tags/${south.id}`)).body
    expect((await admin.post(`/api/admin/recycle-bin/${del.deletionId}/restore`)).status).toBe(200)
    const calls = (await emu()).calls.del_corp_tag ?? 0
    await drained()
    await s.emu.control('/faults', { delayMs: [0, 0] })
    expect((await emu()).calls.del_corp_tag ?? 0).toBe(calls)
    expect(await emuTags('华南')).toMatchObject([{ id: south.wecom_id }])
    expect(await marksOf('wmDemo002')).toContain(south.wecom_id)
    expect(localTag('华南').wecom_id).toBe(south.wecom_id)
  })

  it('should create a tag anew in WeCom, with its customers\' marks, when restored after the delete went through', async () => {
    const south = localTag('华南')
    const del = (await admin.delete(`/api/admin/tags/${south.id}`)).body
    await drained()
    expect(await emuTags('华南')).toEqual([])
    expect((await admin.post(`/api/admin/recycle-bin/${del.deletionId}/restore`)).status).toBe(200)
    await drained()
    const again = await emuTags('华南')
    expect(again).toHaveLength(1)
    expect(again[0]!.id).not.toBe(south.wecom_id)
    expect(localTag('华南').wecom_id).toBe(again[0]!.id)
    expect(await marksOf('wmDemo002')).toContain(again[0]!.id)
  })

  it('should move a tag to another group as WeCom allows: deleted there, created in the new group, customers marked again', async () => {
    const tag = localTag('西南区')
    await member.post('/api/customers/wmDemo002/corporate-tags', { add: [tag.id], remove: [] })
    await until('marked', async () => (await marksOf('wmDemo002')).includes(tag.wecom_id))
    expect((await admin.patch(`/api/admin/tags/${tag.id}`, { groupId: localGroup('直播').id })).status).toBe(200)
    await drained()
    const moved = await emuTags('西南区')
    expect(moved).toMatchObject([{ group: '直播' }])
    expect(localTag('西南区').wecom_id).toBe(moved[0]!.id)
    expect(await marksOf('wmDemo002')).toContain(moved[0]!.id)
    expect(await marksOf('wmDemo002')).not.toContain(tag.wecom_id)
  })

  it('should fail a rename of a tag the app did not create, visibly and once', async () => {
    const a = localTag('A类')
    await admin.patch(`/api/admin/tags/${a.id}`, { name: 'A级' })
    await drained()
    const [row] = sql(`select status, attempts, last_error from wecom_outbox where kind = 'edit_corp_tag' order by id desc limit 1`)
    expect(row).toMatchObject({ status: 'failed', attempts: 1 })
    expect(row.last_error).toContain('48002')
    expect((await admin.get('/api/admin/wecom/failures')).body.failures.some((f: any) => f.kind === 'edit_corp_tag')).toBe(true)
    expect(await emuTags('A类')).toHaveLength(1)
  })

  it('should end with WeCom and the library agreeing after the periodic sync ran again', async () => {
    const syncs = (s.app.output().match(/\[wecom\] sync/g) ?? []).length
    await until('another sync', () => (s.app.output().match(/\[wecom\] sync/g) ?? []).length > syncs + 1)
    const remote = (await emu()).groups.flatMap(g => g.tag.map(x => [x.id, x.name]))
    const local = sql('select wecom_id, name from corp_tags where deleted_at is null and wecom_id is not null').map(r => [r.wecom_id, r.name])
    expect(new Set(remote.map(([id]) => id)).size).toBe(remote.length)
    // The sync took WeCom's word for the tag the app may not rename; all else matches.
    expect(local.sort()).toEqual(remote.sort())
    expect(sql(`select count(*) as n from deletions where deleted_by = 'wecom-sync'`)[0].n).toBe(0)
    expect(s.app.output()).not.toContain('sync failed')
    expect(sql(`select kind from wecom_outbox where status = 'failed'`)).toEqual([{ kind: 'edit_corp_tag' }])
    expect(sql('select count(*) as n from corp_tags where deleted_at is null and wecom_id is null')[0].n).toBe(0)
  })
})
