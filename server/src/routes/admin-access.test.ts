import type { LibraryTree } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

async function setup() {
  const t = makeTestApp()
  const admin = await t.as('admin')
  const groupId = async (name: string) => ((await admin.get('/api/admin/library')).body as LibraryTree).groups.find(g => g.name === name)!.id
  // Every member needs a customer they follow to open the sidebar on; wmDemo001 serves for all.
  const follow = t.db.$client.prepare('insert or ignore into follow_relations (user_id, external_user_id, created_at) values (?, \'wmDemo001\', ?)')
  const sidebarGroup = async (userId: string, name: string) => {
    follow.run(userId, Date.now())
    const member = await t.as(userId)
    return (await member.get('/api/customers/wmDemo001/tags')).body.corporate.groups.find((g: any) => g.name === name)
  }
  return { t, admin, groupId, sidebarGroup }
}

const dept = (id: number) => ({ targetType: 'department' as const, targetId: String(id) })
const open = { scope: [], editors: [], locked: false, exclusive: false }

describe('group scope and editors', () => {
  it('should let members of sub-departments see a group scoped to 销售部', async () => {
    const { admin, groupId, sidebarGroup } = await setup()
    const region = await groupId('区域')
    expect((await admin.put(`/api/admin/groups/${region}/settings`, { ...open, scope: [dept(2)] })).status).toBe(200)
    expect(await sidebarGroup('zhangsan', '区域')).toBeDefined() // 华东销售部 ⊂ 销售部
    expect(await sidebarGroup('wangwu', '区域')).toBeDefined()
    expect(await sidebarGroup('zhaoliu', '区域')).toBeUndefined() // 售后部
  })

  it('should make a group read-only with the reason when editors exclude the member', async () => {
    const { admin, groupId, sidebarGroup } = await setup()
    const region = await groupId('区域')
    await admin.put(`/api/admin/groups/${region}/settings`, { ...open, editors: [dept(6)] })
    const g = await sidebarGroup('zhangsan', '区域')
    expect(g).toMatchObject({ editable: false, reasonCode: 'NOT_EDITOR', reason: '该标签组仅市场部可编辑' })
    expect((await sidebarGroup('sunqi', '区域')).editable).toBe(true)
    await admin.put(`/api/admin/groups/${region}/settings`, { ...open, locked: true })
    expect(await sidebarGroup('zhangsan', '区域')).toMatchObject({ editable: false, reasonCode: 'LOCKED' })
  })

  it('should accept member and role targets and refuse unknown ones with 422', async () => {
    const { admin, groupId, sidebarGroup } = await setup()
    const ads = await groupId('广告渠道')
    const body = { ...open, scope: [dept(6), { targetType: 'member', targetId: 'zhangsan' }, { targetType: 'role', targetId: 'approver' }] }
    expect((await admin.put(`/api/admin/groups/${ads}/settings`, body)).status).toBe(200)
    expect(await sidebarGroup('zhangsan', '广告渠道')).toBeDefined()
    expect(await sidebarGroup('wangwu', '广告渠道')).toBeDefined()
    expect(await sidebarGroup('lisi', '广告渠道')).toBeUndefined()
    expect((await admin.put(`/api/admin/groups/${ads}/settings`, { ...open, scope: [dept(99)] })).status).toBe(422)
    expect((await admin.put(`/api/admin/groups/${ads}/settings`, { ...open, editors: [{ targetType: 'member', targetId: 'nobody' }] })).status).toBe(422)
  })

  it('should mark exclusive so the sidebar replaces the other tag of the group', async () => {
    const { admin, groupId, sidebarGroup } = await setup()
    const region = await groupId('区域')
    await admin.put(`/api/admin/groups/${region}/settings`, { ...open, exclusive: true })
    expect((await sidebarGroup('zhangsan', '区域')).exclusive).toBe(true)
  })
})

describe('settings preview', () => {
  it('should say who loses visibility, grouped by department, before saving and change nothing', async () => {
    const { admin, groupId, sidebarGroup } = await setup()
    const repair = await groupId('维修记录')
    const res = await admin.post(`/api/admin/groups/${repair}/settings/preview`, { ...open, scope: [dept(2)], editors: [dept(5)] })
    expect(res.status).toBe(200)
    const lose = res.body.changes.filter((c: any) => c.effect === 'lose_view')
    expect(lose.map((c: any) => c.message)).toEqual(expect.arrayContaining(['售后部 1 人将看不到此标签组：赵六', '市场部 1 人将看不到此标签组：孙七']))
    expect(lose.some((c: any) => c.department === '管理部')).toBe(false) // admins see everything
    expect(await sidebarGroup('zhaoliu', '维修记录')).toBeDefined()
  })

  it('should list who gains edit rights and say when nothing changes', async () => {
    const { admin, groupId } = await setup()
    const repair = await groupId('维修记录')
    const res = await admin.post(`/api/admin/groups/${repair}/settings/preview`, open)
    const gain = res.body.changes.find((c: any) => c.effect === 'gain_edit' && c.department === '华东销售部')
    expect(gain.members.map((m: any) => m.userId).sort()).toEqual(['lisi', 'zhangsan'])
    const same = await admin.post(`/api/admin/groups/${repair}/settings/preview`, { ...open, editors: [dept(5)] })
    expect(same.body).toEqual({ changes: [], unchanged: true })
  })
})

describe('why can\'t X see or edit this group', () => {
  it('should answer with the deciding rule for each case', async () => {
    const { admin, groupId } = await setup()
    const why = async (userId: string, name: string) => (await admin.get(`/api/admin/access/why?userId=${userId}&groupId=${await groupId(name)}`)).body
    expect(await why('zhangsan', '广告渠道')).toMatchObject({ visible: false, editable: false, rule: '该标签组仅对市场部可见' })
    expect(await why('zhangsan', '维修记录')).toMatchObject({ visible: true, editable: false, rule: '该标签组仅售后部可编辑' })
    expect(await why('zhangsan', '会员等级')).toMatchObject({ visible: true, editable: false, rule: '已锁定，仅管理员可修改' })
    expect((await why('zhaoliu', '维修记录')).editable).toBe(true)
    expect((await why('zhangsan', '广告渠道')).answer).toContain('张三看不到此标签组')
    expect((await admin.get('/api/admin/access/why?userId=nobody&groupId=1')).status).toBe(404)
    expect((await admin.get('/api/admin/access/why?userId=lisi')).status).toBe(400)
  })
})
