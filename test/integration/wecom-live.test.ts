import type { LiveSetup } from './wecom-live-support.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSeed } from '../wecom-emulator/demo-data.ts'
import { apiClient, oauthLogin, startLiveSetup, until } from './wecom-live-support.ts'

// WeCom already has three of the demo groups plus one of its own; the app has the rest.
const seed = demoSeed(['客户等级', '区域', '渠道来源'])
seed.groups!.push({ group_name: '行业', order: 0, tags: ['制造业', '零售'] })

let s: LiveSetup
beforeAll(async () => {
  s = await startLiveSetup(seed)
  // The first sync pushed the app's own groups to WeCom.
  await until('first sync', async () => (await s.emu.control('/state')).groups.some((g: any) => g.group_name === '维修记录'))
})
afterAll(async () => {
  s?.db().close()
  await s?.app.stop()
  await s?.emu.stop()
})

const tagRow = (name: string) => s.db().prepare('select t.*, g.name as group_name from corp_tags t join tag_groups g on g.id = t.group_id where t.name = ? and t.deleted_at is null').get(name) as any
const groupRow = (name: string) => s.db().prepare('select * from tag_groups where name = ? and deleted_at is null').get(name) as any

describe('live mode against the WeCom emulator', () => {
  it('should log a member in through WeCom OAuth and return to the page', async () => {
    const login = await oauthLogin(s.app, '/c/wmDemo001?x=1')
    expect(login.status).toBe(302)
    expect(login.location).toBe('/c/wmDemo001?x=1')
    const me = await apiClient(s.app, login.cookie!).get('/api/me')
    expect(me.body.userId).toBe('zhangsan')
  })

  it('should refuse an open redirect, a forged state, a non-member and demo login', async () => {
    expect((await oauthLogin(s.app, '//evil.example/x')).location).toBe('/')
    const forged = await fetch(`${s.app.url}/auth/wecom/callback?code=abc&state=e30.forged`, { redirect: 'manual' })
    expect(forged.status).toBe(400)
    await s.emu.control('/oauth-user', { userid: 'stranger' })
    const stranger = await oauthLogin(s.app)
    expect(stranger.status).toBe(403)
    expect(stranger.cookie).toBeUndefined()
    await s.emu.control('/oauth-user', { userid: 'zhangsan' })
    const demo = await fetch(`${s.app.url}/api/auth/demo`, { method: 'POST', headers: { 'Origin': s.app.url, 'Content-Type': 'application/json' }, body: '{"userId":"admin"}' })
    expect(demo.status).toBe(403)
  })

  it('should sign ww.register for the page with cached corp and agent tickets', async () => {
    const api = apiClient(s.app, (await oauthLogin(s.app)).cookie!)
    const a = await api.get(`/api/wecom/js-signature?url=${encodeURIComponent(`${s.app.url}/c/wmDemo001#top`)}`)
    await api.get(`/api/wecom/js-signature?url=${encodeURIComponent(`${s.app.url}/other`)}`)
    expect(a.status).toBe(200)
    expect(a.body).toMatchObject({ corpId: 'wwEmulatedCorp01', agentId: 1000002 })
    expect(a.body.agent.signature).toMatch(/^[0-9a-f]{40}$/)
    const { calls } = await s.emu.control('/state')
    expect(calls.get_jsapi_ticket).toBe(1)
    expect(calls['ticket/get']).toBe(1)
    expect((await api.get(`/api/wecom/js-signature?url=${encodeURIComponent('https://evil.example/')}`)).status).toBe(422)
  })

  it('should sync the tag library both ways and keep local policies', async () => {
    // WeCom → app: its own group arrived; same-named groups were adopted, not duplicated.
    expect(tagRow('制造业')?.wecom_id).toMatch(/^et/)
    expect(s.db().prepare('select count(*) as n from tag_groups where name = ? and deleted_at is null').get('客户等级')).toEqual({ n: 1 })
    // app → WeCom: local groups were created there and keep WeCom's ids here.
    const { groups } = await s.emu.control('/state')
    const repair = groups.find((g: any) => g.group_name === '维修记录')
    expect(repair.tag.map((t: any) => t.name)).toEqual(['已报修', '维修中', '已修复'])
    expect(groupRow('维修记录').wecom_id).toBe(repair.group_id)

    // An admin changes WeCom's library; WeCom tells the app with change_external_tag.
    const huabei = tagRow('华北').wecom_id
    const dealer = tagRow('经销商').wecom_id
    await s.emu.control('/admin/tags', { rename: { id: huabei, name: '华北区' }, delete: [dealer], order: { id: groupRow('行业').wecom_id, order: 99 } })
    await s.emu.control('/callback', { url: `${s.app.url}/wecom/callback`, event: { Event: 'change_external_tag', TagType: 'tag', ChangeType: 'update', Id: huabei } })
    await until('rename synced', () => tagRow('华北区'))
    expect(tagRow('经销商')).toBeUndefined()
    expect(s.db().prepare('select count(*) as n from deletions where name = ? and deleted_by = ?').get('经销商', 'wecom-sync')).toEqual({ n: 1 })
    // Largest WeCom order sorts first; the lock and the tree survive the sync.
    expect(groupRow('行业').sort_order).toBe(0)
    expect(groupRow('会员等级').locked).toBe(1)
    expect(groupRow('母婴类').parent_id).toBe(groupRow('消费偏好').id)
  })

  it('should mark in WeCom for the acting follower and show 同步中 then synced', async () => {
    const api = apiClient(s.app, (await oauthLogin(s.app)).cookie!)
    const tag = tagRow('A类')
    const res = await api.post('/api/customers/wmDemo002/corporate-tags', { add: [tag.id], remove: [] })
    expect(res.status).toBe(200)
    expect(res.body.sync.state).toBe('pending')
    await until('mark arrives', async () => (await s.emu.control('/state')).follows.find((f: any) => f.userid === 'zhangsan' && f.external_userid === 'wmDemo002')?.tags.includes(tag.wecom_id))
    const after = await until('synced', async () => (await api.get('/api/customers/wmDemo002/tags')).body.sync.state === 'synced')
    expect(after).toBe(true)
  })

  it('should follow customer callbacks: add, edit, delete; the same event twice changes nothing', async () => {
    await s.emu.control('/contacts', { customer: { external_userid: 'wmNew001', name: '新客户' }, follow: { userid: 'lisi', external_userid: 'wmNew001' } })
    const cb = (event: Record<string, string>) => s.emu.control('/callback', { url: `${s.app.url}/wecom/callback`, event: { Event: 'change_external_contact', ...event } })
    const add = await cb({ ChangeType: 'add_external_contact', UserID: 'lisi', ExternalUserID: 'wmNew001' })
    expect(add).toMatchObject({ status: 200, body: 'success' })
    const follows = () => s.db().prepare('select user_id from follow_relations where external_user_id = ?').all('wmNew001')
    await until('customer added', () => follows().length === 1)

    await s.emu.control('/contacts', { customer: { external_userid: 'wmNew001', name: '新客户（已改名）' } })
    const edit = await cb({ ChangeType: 'edit_external_contact', UserID: 'lisi', ExternalUserID: 'wmNew001' })
    const name = () => (s.db().prepare('select name from customers where external_user_id = ?').get('wmNew001') as any).name
    await until('edited', () => name() === '新客户（已改名）')
    // WeCom retries (or someone replays) the same envelope after the customer changed again.
    await s.emu.control('/contacts', { customer: { external_userid: 'wmNew001', name: '第三个名字' } })
    const again = await s.emu.control('/callback', { url: `${s.app.url}/wecom/callback`, replay: edit.sent })
    expect(again.status).toBe(200)
    await new Promise(r => setTimeout(r, 300))
    expect(name()).toBe('新客户（已改名）')

    await cb({ ChangeType: 'del_follow_user', UserID: 'lisi', ExternalUserID: 'wmNew001' })
    await until('unfollowed', () => follows().length === 0)
  })

  it('should refuse bad callbacks and change nothing', async () => {
    const events = () => (s.db().prepare('select count(*) as n from wecom_events').get() as any).n
    const before = events()
    const event = { Event: 'change_external_contact', ChangeType: 'del_follow_user', UserID: 'zhangsan', ExternalUserID: 'wmDemo001' }
    for (const [tamper, status] of [['signature', 403], ['corp', 403], ['xml', 400], ['stale', 403]] as const) {
      const res = await s.emu.control('/callback', { url: `${s.app.url}/wecom/callback`, event, tamper })
      expect(res.status, tamper).toBe(status)
    }
    const garbage = await fetch(`${s.app.url}/wecom/callback?msg_signature=a&timestamp=1&nonce=2`, { method: 'POST', body: '<xml><Encrypt>' })
    expect(garbage.status).toBe(400)
    await new Promise(r => setTimeout(r, 300))
    expect(events()).toBe(before)
    expect(s.db().prepare('select 1 from follow_relations where user_id = ? and external_user_id = ?').get('zhangsan', 'wmDemo001')).toBeTruthy()
  })
})
