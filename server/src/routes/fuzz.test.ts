import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../test-utils.ts'

const ENDPOINTS: Array<[string, string]> = [
  ['POST', '/api/customers/wmDemo001/corporate-tags'],
  ['PUT', '/api/customers/wmDemo001/personal-tags/1'],
  ['DELETE', '/api/customers/wmDemo001/personal-tags/2'],
  ['POST', '/api/personal-tags'],
  ['PATCH', '/api/personal-tags/1'],
  ['POST', '/api/tag-names/check'],
  ['POST', '/api/auth/demo'],
]

/** Bodies a careless or hostile client might send: any JSON, near-miss shapes, broken text. */
const bodyArb = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.record({ add: fc.array(fc.oneof(fc.integer(), fc.string(), fc.double())), remove: fc.anything() }, { requiredKeys: [] }).map(x => JSON.stringify(x)),
  fc.record({ name: fc.string({ unit: 'binary' }), kind: fc.constantFrom('personal', 'corporate', 'x'), groupId: fc.anything(), note: fc.anything() }, { requiredKeys: [] }).map(x => JSON.stringify(x)),
)

describe('random request bodies', () => {
  it('should never produce a 5xx across 1,000 random bodies', async () => {
    const t = makeTestApp()
    const zs = await t.as('zhangsan')
    const statuses = new Map<number, number>()
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ENDPOINTS), bodyArb, fc.constantFrom('wmDemo001', 'wmDemo%00', 'x'.repeat(80), '..%2F'), async ([method, path], body, customer) => {
      const res = await zs.send(method, path.replace('wmDemo001', customer), body)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      expect(res.status).toBeLessThan(500)
      if (res.status >= 400) expect(res.body.error.code).toMatch(/^[A-Z_]+$/)
    }), { numRuns: 1000 })
    // The run must exercise refusals and successes alike to mean anything.
    expect([...statuses.keys()].some(s => s >= 400)).toBe(true)
  })
})
