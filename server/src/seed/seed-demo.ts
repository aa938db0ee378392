import type { Db } from '../db/client.ts'
import { foldName } from '@app/shared'
import { eq } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import {
  DEMO_CORP_ASSIGNMENTS,
  DEMO_CUSTOMERS,
  DEMO_DEPARTMENTS,
  DEMO_GROUPS,
  DEMO_MEMBERS,
  DEMO_PERSONAL_TAGS,
  DEMO_ROLES,
  demoFollowers,
} from './demo-company.ts'

const SEEDED_KEY = 'demo_seeded'

/**
 * Creates the demo company once. Idempotent: a database that was seeded before (or that
 * already has members, e.g. a live one) is left alone. Returns whether it seeded.
 */
export function seedDemoCompany(db: Db, now = new Date()): boolean {
  return inTransaction(db, () => {
    const marker = db.select().from(t.appState).where(eq(t.appState.key, SEEDED_KEY)).get()
    const anyMember = db.select({ id: t.members.userId }).from(t.members).limit(1).get()
    if (marker || anyMember) return false

    db.insert(t.departments).values(DEMO_DEPARTMENTS.map((d, i) => ({ ...d, sortOrder: i }))).run()
    db.insert(t.members).values(DEMO_MEMBERS.map(m => ({ userId: m.userId, name: m.name, avatar: null }))).run()
    db.insert(t.memberDepartments).values(DEMO_MEMBERS.map(m => ({ userId: m.userId, departmentId: m.departmentId }))).run()
    db.insert(t.roleAssignments).values(DEMO_ROLES.map(r => ({ ...r }))).run()
    db.insert(t.customers).values(DEMO_CUSTOMERS.map(c => ({ ...c, avatar: null, updatedAt: now }))).run()
    DEMO_CUSTOMERS.forEach((c, i) => {
      for (const userId of demoFollowers(i + 1))
        db.insert(t.followRelations).values({ userId, externalUserId: c.externalUserId, createdAt: now, addWay: 1 }).run()
    })

    const groupIds = new Map<string, number>()
    const tagIds = new Map<string, number>()
    DEMO_GROUPS.forEach((g, gi) => {
      const group = db.insert(t.tagGroups).values({
        name: g.name,
        parentId: g.parent ? groupIds.get(g.parent)! : null,
        // WeCom sorts a larger order first; we sort ascending, so the list order is kept.
        sortOrder: gi,
        locked: g.locked ?? false,
        exclusive: g.exclusive ?? false,
        createdAt: now,
        updatedAt: now,
      }).returning({ id: t.tagGroups.id }).get()
      groupIds.set(g.key, group.id)
      for (const a of g.access ?? []) db.insert(t.groupAccess).values({ groupId: group.id, ...a }).run()
      g.tags.forEach((name, ti) => {
        const tag = db.insert(t.corpTags).values({ groupId: group.id, name, nameKey: foldName(name), sortOrder: ti, createdAt: now })
          .returning({ id: t.corpTags.id }).get()
        tagIds.set(`${g.key}/${name}`, tag.id)
      })
    })

    for (const [n, groupKey, tagName, by] of DEMO_CORP_ASSIGNMENTS) {
      db.insert(t.customerCorpTags).values({
        externalUserId: DEMO_CUSTOMERS[n - 1]!.externalUserId,
        tagId: tagIds.get(`${groupKey}/${tagName}`)!,
        markedBy: by,
        markedAt: now,
        source: 'manual',
      }).run()
    }

    for (const [ownerId, name, assignments] of DEMO_PERSONAL_TAGS) {
      const tag = db.insert(t.personalTags).values({ ownerId, name, nameKey: foldName(name), createdAt: now })
        .returning({ id: t.personalTags.id }).get()
      for (const [n, note] of assignments) {
        db.insert(t.customerPersonalTags).values({
          tagId: tag.id,
          externalUserId: DEMO_CUSTOMERS[n - 1]!.externalUserId,
          note,
          createdAt: now,
          updatedAt: now,
        }).run()
      }
    }

    db.insert(t.appState).values({ key: SEEDED_KEY, value: { at: now.getTime() }, updatedAt: now }).run()
    return true
  })
}
