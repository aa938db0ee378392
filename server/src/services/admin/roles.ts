import type { Directory, RoleChange } from '@app/shared'
import type { Db } from '../../db/client.ts'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { audit } from '../audit.ts'
import { getCatalog, invalidateCatalog } from '../catalog.ts'

/** Departments and members with their roles: the roles page and the scope/editor pickers. */
export function getDirectory(db: Db): Directory {
  const catalog = getCatalog(db)
  const dept = (id: number) => ({ id, name: catalog.departments.get(id)?.name ?? String(id) })
  const deptsOf = new Map<string, number[]>()
  for (const r of db.select().from(t.memberDepartments).all()) deptsOf.set(r.userId, [...(deptsOf.get(r.userId) ?? []), r.departmentId])
  const roles = db.select().from(t.roleAssignments).all()
  const members = db.select().from(t.members).orderBy(asc(t.members.userId)).all().map(m => ({
    userId: m.userId,
    name: m.name,
    active: m.active,
    departments: (deptsOf.get(m.userId) ?? []).map(dept),
    admin: roles.some(r => r.userId === m.userId && r.role === 'admin'),
    approverOf: roles.filter(r => r.userId === m.userId && r.role === 'approver' && r.departmentId !== null).map(r => dept(r.departmentId!)),
  }))
  const memberCount = new Map<number, number>()
  for (const ids of deptsOf.values()) for (const id of ids) memberCount.set(id, (memberCount.get(id) ?? 0) + 1)
  const departments = [...catalog.departments.values()].map(d => ({ ...d, memberCount: memberCount.get(d.id) ?? 0 }))
  return { departments, members }
}

const roleMatch = (c: RoleChange) => and(
  eq(t.roleAssignments.userId, c.userId),
  eq(t.roleAssignments.role, c.role),
  c.departmentId === undefined ? isNull(t.roleAssignments.departmentId) : eq(t.roleAssignments.departmentId, c.departmentId),
)

/** Makes a member admin, or approver for a department. Granting twice changes nothing. */
export function grantRole(db: Db, actorId: string, change: RoleChange): { changed: boolean } {
  const catalog = getCatalog(db)
  if (!catalog.memberNames.has(change.userId)) throw notFound('成员不存在')
  if (change.departmentId !== undefined && !catalog.departments.has(change.departmentId)) throw notFound('部门不存在')
  if (db.select().from(t.roleAssignments).where(roleMatch(change)).get()) return { changed: false }
  inTransaction(db, () => {
    db.insert(t.roleAssignments).values({ userId: change.userId, role: change.role, departmentId: change.departmentId ?? null }).run()
    audit(db, { actorId, action: 'role.grant', targetType: 'member', targetId: change.userId, before: null, after: change })
  })
  invalidateCatalog(db)
  return { changed: true }
}

/** Takes a role away. The last admin cannot be removed, or nobody could manage the library. */
export function revokeRole(db: Db, actorId: string, change: RoleChange): { changed: boolean } {
  if (!db.select().from(t.roleAssignments).where(roleMatch(change)).get()) return { changed: false }
  if (change.role === 'admin') {
    const admins = db.select({ n: sql<number>`count(*)` }).from(t.roleAssignments).where(eq(t.roleAssignments.role, 'admin')).get()!.n
    if (admins <= 1) throw new AppError(422, 'RULE_VIOLATION', '至少要保留一位管理员')
  }
  inTransaction(db, () => {
    db.delete(t.roleAssignments).where(roleMatch(change)).run()
    audit(db, { actorId, action: 'role.revoke', targetType: 'member', targetId: change.userId, before: change, after: null })
  })
  invalidateCatalog(db)
  return { changed: true }
}
