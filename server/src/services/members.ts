import type { DemoDirectory, Me } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { asc } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { getCatalog } from './catalog.ts'

export function toMe(db: Db, viewer: Viewer): Me {
  const catalog = getCatalog(db)
  const dept = (id: number) => ({ id, name: catalog.departments.get(id)?.name ?? String(id) })
  return {
    userId: viewer.userId,
    name: viewer.name,
    avatar: viewer.avatar,
    departments: viewer.departmentIds.map(dept),
    roles: [...viewer.roles],
    approverOf: viewer.approverOf.map(dept),
  }
}

/** Demo mode's member and customer pickers. */
export function demoDirectory(db: Db): DemoDirectory {
  const catalog = getCatalog(db)
  const deptOf = new Map<string, number>()
  for (const r of db.select().from(t.memberDepartments).all()) if (!deptOf.has(r.userId)) deptOf.set(r.userId, r.departmentId)
  const members = db.select().from(t.members).orderBy(asc(t.members.userId)).all().map(m => ({
    userId: m.userId,
    name: m.name,
    department: catalog.departments.get(deptOf.get(m.userId) ?? -1)?.name ?? '',
  }))
  const followers = new Map<string, string[]>()
  for (const f of db.select().from(t.followRelations).all()) {
    if (!followers.has(f.externalUserId)) followers.set(f.externalUserId, [])
    followers.get(f.externalUserId)!.push(f.userId)
  }
  const customers = db.select().from(t.customers).orderBy(asc(t.customers.externalUserId)).limit(500).all().map(c => ({
    externalUserId: c.externalUserId,
    name: c.name,
    followers: followers.get(c.externalUserId) ?? [],
  }))
  return { members, customers }
}
