import { describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { seedDemoCompany } from './seed-demo.ts'

const count = (db: ReturnType<typeof createDb>, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('seedDemoCompany', () => {
  it('should create the demo company of DESIGN §6 once and leave it alone afterwards', () => {
    const db = createDb(':memory:')
    expect(seedDemoCompany(db)).toBe(true)
    const before = ['members', 'customers', 'tag_groups', 'corp_tags', 'personal_tags', 'customer_corp_tags'].map(t => count(db, t))
    expect(seedDemoCompany(db)).toBe(false)
    expect(['members', 'customers', 'tag_groups', 'corp_tags', 'personal_tags', 'customer_corp_tags'].map(t => count(db, t))).toEqual(before)
    expect(count(db, 'customers')).toBeGreaterThanOrEqual(30)
  })

  it('should give zhangsan and lisi the same customer and the same personal tag name', () => {
    const db = createDb(':memory:')
    seedDemoCompany(db)
    const followers = db.$client.prepare(`select user_id from follow_relations where external_user_id = 'wmDemo001' order by user_id`).all()
    expect(followers).toEqual(expect.arrayContaining([{ user_id: 'lisi' }, { user_id: 'zhangsan' }]))
    const owners = db.$client.prepare(`select owner_id from personal_tags where name = '高意向' order by owner_id`).all()
    expect(owners).toEqual([{ owner_id: 'lisi' }, { owner_id: 'zhangsan' }])
  })
})
