import type { CorporateChange } from '../services/hooks.ts'
import { count, eq, isNotNull } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import * as s from '../db/schema.ts'
import { loadViewer } from '../services/access.ts'
import { approveProposal } from '../services/promotion.ts'
import { makeTestApp } from '../test-utils.ts'

type Client = Awaited<ReturnType<ReturnType<typeof makeTestApp>['as']>>

/** Corporate tags a member sees on a customer, with who marked them and how. */
async function corporateOn(client: Client, customer: string) {
  const res = await client.get(`/api/customers/${customer}/tags`)
  return res.body.corporate.groups.flatMap((g: any) => g.tags.filter((x: any) => x.selected).map((x: any) => ({ group: g.name, name: x.name, source: x.source, markedBy: x.markedBy })))
}

async function personalNames(client: Client) {
  return (await client.get('/api/personal-tags')).body.tags.map((x: { name: string }) => x.name)
}

describe('promotion approval: the migration', () => {
  let t: ReturnType<typeof makeTestApp>
  let zs: Client, lisi: Client, ww: Client
  let proposalId: number
  let changes: CorporateChange[]
  const groupId = (name: string) => t.db.select().from(s.tagGroups).where(eq(s.tagGroups.name, name)).get()!.id
  const tagId = (group: string, name: string) => t.db.select().from(s.corpTags).where(eq(s.corpTags.groupId, groupId(group))).all().find(x => x.name === name)!.id
  const approve = (body: Record<string, unknown>) => ww.post(`/api/proposals/${proposalId}/approve`, { decision: 'create', migrateScope: 'all', retirePersonal: false, ...body })

  beforeEach(async () => {
    changes = []
    t = makeTestApp({ hooks: { onCorporateChange: (_db, change) => { changes.push(change) } } })
    ;[zs, lisi, ww] = await Promise.all([t.as('zhangsan'), t.as('lisi'), t.as('wangwu')])
    const tag = (await zs.get('/api/personal-tags')).body.tags.find((x: { name: string }) => x.name === '高意向')
    proposalId = (await zs.post('/api/proposals', { personalTagId: tag.id, proposedName: '高意向', newGroupName: '购买意向', reason: '大家都在用' })).body.id
  })

  it('should migrate only the proposer\'s customers and keep the personal tags', async () => {
    const res = await approve({ migrateScope: 'proposer' })
    expect(res.status).toBe(200)
    expect(res.body.migration).toMatchObject({ createdGroup: true, createdTag: true, personalTags: 1, customers: 3, alreadyTagged: 0, retired: 0 })
    expect(await corporateOn(zs, 'wmDemo002')).toContainEqual({ group: '购买意向', name: '高意向', source: 'promotion', markedBy: 'zhangsan' })
    expect((await corporateOn(lisi, 'wmDemo012')).map((x: any) => x.name)).not.toContain('高意向')
    expect(await personalNames(zs)).toContain('高意向')
    expect(await personalNames(lisi)).toContain('高意向')
    expect(changes.map(c => c.externalUserId).sort()).toEqual(['wmDemo002', 'wmDemo005', 'wmDemo007'])
  })

  it('should migrate every member\'s same-name tag, retire them, and audit each step', async () => {
    const res = await approve({ retirePersonal: true })
    expect(res.body.migration).toMatchObject({ personalTags: 2, customers: 5, retired: 2 })
    expect(await corporateOn(lisi, 'wmDemo001')).toContainEqual({ group: '购买意向', name: '高意向', source: 'promotion', markedBy: 'lisi' })
    expect(await corporateOn(lisi, 'wmDemo012')).toContainEqual({ group: '购买意向', name: '高意向', source: 'promotion', markedBy: 'lisi' })
    expect(await corporateOn(zs, 'wmDemo007')).toContainEqual({ group: '购买意向', name: '高意向', source: 'promotion', markedBy: 'zhangsan' })
    expect(await personalNames(zs)).not.toContain('高意向')
    expect(await personalNames(lisi)).not.toContain('高意向')
    expect(changes).toHaveLength(5)

    const actions = t.db.select().from(s.auditLog).all()
    const of = (action: string) => actions.filter(a => a.action === action)
    expect(of('proposal.create')).toHaveLength(1)
    expect(of('corporate_group.create')).toHaveLength(1)
    expect(of('corporate_tag.create')).toHaveLength(1)
    expect(of('proposal.approve')).toHaveLength(1)
    expect(of('proposal.migrate')[0]!.after).toMatchObject({ scope: 'all', customers: 5 })
    expect(of('personal_tag.retire').map(a => a.ownerId).sort()).toEqual(['lisi', 'zhangsan'])
  })

  it('should settle another member\'s pending request for the same tag', async () => {
    const lisiTag = (await lisi.get('/api/personal-tags')).body.tags.find((x: { name: string }) => x.name === '高意向')
    const lisiProposal = await lisi.post('/api/proposals', { personalTagId: lisiTag.id, proposedName: '高意向', targetGroupId: groupId('区域'), reason: '我也要' })
    const res = await approve({})
    expect(res.body.migration.alsoApproved).toEqual([lisiProposal.body.id])
    const seen = await lisi.get(`/api/proposals/${lisiProposal.body.id}`)
    expect(seen.body).toMatchObject({ status: 'approved', decision: 'merge', resultTag: { name: '高意向', group: '购买意向' }, unseen: true })
  })

  it('should merge into an existing tag, leaving customers who already carry it as they were', async () => {
    const east = tagId('区域', '华东')
    const tagsBefore = t.db.select({ n: count() }).from(s.corpTags).get()!.n
    const res = await approve({ decision: 'merge', mergeTagId: east })
    expect(res.body.migration).toMatchObject({ tagId: east, createdTag: false, customers: 3, alreadyTagged: 2 })
    expect(await corporateOn(zs, 'wmDemo002')).toContainEqual({ group: '区域', name: '华东', source: 'manual', markedBy: 'zhangsan' })
    expect(await corporateOn(zs, 'wmDemo005')).toContainEqual({ group: '区域', name: '华东', source: 'promotion', markedBy: 'zhangsan' })
    expect(t.db.select({ n: count() }).from(s.corpTags).get()!.n).toBe(tagsBefore)
  })

  it('should never give a second tag in an exclusive group', async () => {
    const res = await approve({ decision: 'merge', mergeTagId: tagId('客户等级', 'A类') })
    // wmDemo001 already has A类, wmDemo002 has B类 (skipped), 005/007/012 get A类.
    expect(res.body.migration).toMatchObject({ customers: 3, alreadyTagged: 1, skippedExclusive: 1 })
    expect((await corporateOn(zs, 'wmDemo002')).filter((x: any) => x.group === '客户等级').map((x: any) => x.name)).toEqual(['B类'])
  })

  it('should leave the database unchanged when the migration fails midway', async () => {
    const snapshot = () => ({
      groups: t.db.select({ n: count() }).from(s.tagGroups).get()!.n,
      tags: t.db.select({ n: count() }).from(s.corpTags).get()!.n,
      assignments: t.db.select({ n: count() }).from(s.customerCorpTags).get()!.n,
      audit: t.db.select({ n: count() }).from(s.auditLog).get()!.n,
      retired: t.db.select({ n: count() }).from(s.personalTags).where(isNotNull(s.personalTags.retiredAt)).get()!.n,
      status: t.db.select().from(s.proposals).where(eq(s.proposals.id, proposalId)).get()!.status,
    })
    const before = snapshot()
    const viewer = loadViewer(t.db, 'wangwu')!
    let written = 0
    expect(() => approveProposal(t.db, viewer, proposalId, { decision: 'create', migrateScope: 'all', retirePersonal: true }, {}, {
      afterCustomers: (n) => {
        written = n
        throw new Error('disk full')
      },
    })).toThrow('disk full')
    expect(written).toBe(5)
    expect(snapshot()).toEqual(before)
    expect((await corporateOn(zs, 'wmDemo002')).map((x: any) => x.group)).not.toContain('购买意向')

    // The same request can still be approved afterwards: nothing half-done is in the way.
    const res = await approve({ retirePersonal: true })
    expect(res.status).toBe(200)
    expect(res.body.migration.customers).toBe(5)
  })
})
