import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

describe('admin roles', () => {
  it('should list members with departments and roles, and departments with member counts', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    const res = await admin.get('/api/admin/directory')
    expect(res.status).toBe(200)
    expect(res.body.members.find((m: any) => m.userId === 'wangwu')).toMatchObject({ admin: false, approverOf: [{ id: 2, name: '销售部' }], departments: [{ id: 2, name: '销售部' }] })
    expect(res.body.departments.find((d: any) => d.id === 3)).toMatchObject({ name: '华东销售部', parentId: 2, memberCount: 2 })
  })

  it('should grant admin so the member can open the admin pages, and revoke it again', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    const zs = await t.as('zhangsan')
    expect((await zs.get('/api/admin/library')).status).toBe(403)
    expect((await admin.post('/api/admin/roles/grant', { userId: 'zhangsan', role: 'admin' })).body).toEqual({ changed: true })
    expect((await admin.post('/api/admin/roles/grant', { userId: 'zhangsan', role: 'admin' })).body).toEqual({ changed: false })
    expect((await zs.get('/api/admin/library')).status).toBe(200)
    await admin.post('/api/admin/roles/revoke', { userId: 'zhangsan', role: 'admin' })
    expect((await zs.get('/api/admin/library')).status).toBe(403)
    const audit = (await admin.get('/api/admin/audit?action=role.')).body.entries.map((e: any) => e.action)
    expect(audit).toEqual(['role.revoke', 'role.grant'])
  })

  it('should make a member approver for a department and show it on /me', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    await admin.post('/api/admin/roles/grant', { userId: 'zhaoliu', role: 'approver', departmentId: 5 })
    const me = await (await t.as('zhaoliu')).get('/api/me')
    expect(me.body.roles).toContain('approver')
    expect(me.body.approverOf).toEqual([{ id: 5, name: '售后部' }])
  })

  it('should refuse removing the last admin, unknown members and an approver without a department', async () => {
    const t = makeTestApp()
    const admin = await t.as('admin')
    const last = await admin.post('/api/admin/roles/revoke', { userId: 'admin', role: 'admin' })
    expect(last.status).toBe(422)
    expect(last.body.error.message).toBe('至少要保留一位管理员')
    expect((await admin.post('/api/admin/roles/grant', { userId: 'nobody', role: 'admin' })).status).toBe(404)
    expect((await admin.post('/api/admin/roles/grant', { userId: 'lisi', role: 'approver' })).status).toBe(400)
    expect((await admin.post('/api/admin/roles/grant', { userId: 'lisi', role: 'approver', departmentId: 99 })).status).toBe(404)
  })
})
