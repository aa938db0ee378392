import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

describe('request guards', () => {
  it('should refuse a state-changing request from another origin (CSRF)', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const res = await zs.send('POST', '/api/personal-tags', { name: '跨站' }, { Origin: 'https://evil.example' })
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } })
    expect((await zs.get('/api/personal-tags')).body.tags.map((x: { name: string }) => x.name)).not.toContain('跨站')
  })

  it('should accept a same-origin Referer when Origin is missing, and refuse neither', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const noOrigin = await t.app.request('/api/personal-tags', { method: 'POST', headers: { 'Cookie': zs.cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: '无来源' }) })
    expect(noOrigin.status).toBe(403)
    const withReferer = await t.app.request('/api/personal-tags', { method: 'POST', headers: { 'Cookie': zs.cookie, 'Content-Type': 'application/json', 'Referer': 'http://localhost/' }, body: JSON.stringify({ name: '有来源' }) })
    expect(withReferer.status).toBe(201)
  })

  it('should answer 413 for a body over 1 MB', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const res = await zs.send('PUT', '/api/customers/wmDemo001/personal-tags/1', JSON.stringify({ note: 'x'.repeat(1_100_000) }))
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } })
  })

  it('should answer 400 for malformed JSON', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const res = await zs.send('POST', '/api/customers/wmDemo001/corporate-tags', '{"add":[1,')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toMatch(/BAD_REQUEST|VALIDATION_FAILED/)
  })

  it('should answer unknown API paths with the error shape', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    expect(await zs.get('/api/nope')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
  })
})
