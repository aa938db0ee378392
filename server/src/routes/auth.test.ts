import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

describe('auth and session', () => {
  it('should report health and the mode', async () => {
    const t = makeTestApp()
    expect(await t.request('GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true, mode: 'demo' } })
  })

  it('should start a demo session with an httpOnly signed cookie and expose the member', async () => {
    const t = makeTestApp()
    const res = await t.request('POST', '/api/auth/demo', { userId: 'wangwu' })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Expires=/i)
    const me = await t.request('GET', '/api/me', undefined, { Cookie: cookie.split(';')[0]! })
    expect(me.body).toMatchObject({ userId: 'wangwu', name: '王五', roles: expect.arrayContaining(['staff', 'approver']), approverOf: [{ id: 2, name: '销售部' }] })
  })

  it('should answer 401 without a session and for a tampered cookie', async () => {
    const t = makeTestApp()
    expect((await t.request('GET', '/api/me')).body.error.code).toBe('UNAUTHENTICATED')
    const zs = await t.as('zhangsan')
    const forged = zs.cookie.replace('zhangsan', 'admin')
    expect((await t.request('GET', '/api/me', undefined, { Cookie: forged })).status).toBe(401)
  })

  it('should refuse an expired session', async () => {
    const t = makeTestApp({ env: { SESSION_TTL_HOURS: '1' } })
    const zs = await t.as('zhangsan')
    const realNow = Date.now
    Date.now = () => realNow() + 2 * 3600_000
    try {
      expect((await zs.get('/api/me')).status).toBe(401)
    }
    finally {
      Date.now = realNow
    }
  })

  it('should refuse an unknown member with 404 and a malformed id with 400', async () => {
    const t = makeTestApp()
    expect((await t.request('POST', '/api/auth/demo', { userId: 'nobody' })).status).toBe(404)
    expect((await t.request('POST', '/api/auth/demo', { userId: '../../etc' })).body.error.code).toBe('VALIDATION_FAILED')
  })

  it('should refuse demo login in live mode', async () => {
    const t = makeTestApp({ env: {
      WECOM_CORP_ID: 'ww123',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'corp-app-secret-value',
      WECOM_CALLBACK_TOKEN: 'token',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      SESSION_SECRET: 'live-session-secret-live-session-secret',
      PUBLIC_BASE_URL: 'https://tags.example.com',
    } })
    const res = await t.request('POST', '/api/auth/demo', { userId: 'zhangsan' })
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'DEMO_ONLY' } } })
  })

  it('should list the demo directory with followers', async () => {
    const t = makeTestApp()
    const res = await t.request('GET', '/api/demo/directory')
    expect(res.body.members.map((m: { userId: string }) => m.userId)).toEqual(expect.arrayContaining(['zhangsan', 'lisi', 'wangwu', 'zhaoliu', 'admin']))
    const first = res.body.customers.find((c: { externalUserId: string }) => c.externalUserId === 'wmDemo001')
    expect(first.followers).toEqual(expect.arrayContaining(['zhangsan', 'lisi']))
    expect(res.body.customers.length).toBeGreaterThanOrEqual(30)
  })
})
