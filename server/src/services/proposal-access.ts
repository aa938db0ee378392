import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { eq, inArray } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { getCatalog } from './catalog.ts'

/**
 * Who decides whose promotion requests (DESIGN §2): an approver decides requests of
 * members in the departments they approve for, sub-departments included; an admin decides
 * everyone's. Nobody decides their own.
 */

/** The departments (with every sub-department) whose members' requests `viewer` decides. */
function approvedDepartments(db: Db, viewer: Viewer): Set<number> {
  const catalog = getCatalog(db)
  const key = `approved-departments:${viewer.userId}`
  const hit = catalog.memo.get(key) as Set<number> | undefined
  if (hit) return hit
  const children = new Map<number, number[]>()
  for (const d of catalog.departments.values()) {
    if (d.parentId === null) continue
    if (!children.has(d.parentId)) children.set(d.parentId, [])
    children.get(d.parentId)!.push(d.id)
  }
  const out = new Set<number>()
  const stack = [...viewer.approverOf]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (out.has(id)) continue
    out.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  catalog.memo.set(key, out)
  return out
}

function memberDepartmentIds(db: Db, userId: string): number[] {
  return db.select({ id: t.memberDepartments.departmentId }).from(t.memberDepartments)
    .where(eq(t.memberDepartments.userId, userId)).all().map(r => r.id)
}

export type DecideRight = 'allowed' | 'own' | 'not-approver' | 'other-department'

/** Whether `viewer` may approve or reject a request by `proposerId`, and if not, why. */
export function decideRight(db: Db, viewer: Viewer, proposerId: string): DecideRight {
  if (proposerId === viewer.userId) return 'own'
  if (viewer.isAdmin) return 'allowed'
  if (!viewer.roles.has('approver')) return 'not-approver'
  const mine = approvedDepartments(db, viewer)
  return memberDepartmentIds(db, proposerId).some(d => mine.has(d)) ? 'allowed' : 'other-department'
}

export const DECIDE_REFUSALS: Record<Exclude<DecideRight, 'allowed'>, string> = {
  'own': '不能审批自己提交的申请',
  'not-approver': '只有审批人可以处理升级申请',
  'other-department': '该申请人不在你负责审批的部门',
}

/** Members whose requests land in `viewer`'s queue; null means everyone (admins). */
export function queueMembers(db: Db, viewer: Viewer): string[] | null {
  if (viewer.isAdmin) return null
  const mine = approvedDepartments(db, viewer)
  if (mine.size === 0) return []
  // Only the approved departments' rows: the whole table is every member of the company.
  const rows = db.selectDistinct({ userId: t.memberDepartments.userId }).from(t.memberDepartments)
    .where(inArray(t.memberDepartments.departmentId, [...mine])).all()
  return rows.map(r => r.userId).filter(u => u !== viewer.userId)
}
