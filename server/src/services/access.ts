import type { Role } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { AccessRule, Catalog, CatalogGroup } from './catalog.ts'
import { eq } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { getCatalog, groupChain } from './catalog.ts'

export interface Viewer {
  userId: string
  name: string
  avatar: string | null
  departmentIds: number[]
  /** The member's departments and all their ancestors: a group scoped to any of these applies. */
  departmentClosure: Set<number>
  roles: Set<Role>
  isAdmin: boolean
  /** Departments (with their sub-departments) whose proposals this member decides. */
  approverOf: number[]
}

export type GroupAccessReason = 'LOCKED' | 'NOT_EDITOR'

export interface GroupAccess {
  visible: boolean
  editable: boolean
  reasonCode: GroupAccessReason | null
  reason: string | null
  /** Which rule decided, for the admin's "why can't X see/edit this?". */
  rule: string
}

export function departmentAncestors(catalog: Catalog, deptId: number): number[] {
  const out: number[] = []
  const seen = new Set<number>()
  let id: number | null | undefined = deptId
  while (id !== null && id !== undefined && !seen.has(id)) {
    seen.add(id)
    out.push(id)
    id = catalog.departments.get(id)?.parentId
  }
  return out
}

/** The member as the rules see them, or null for an unknown or inactive member. Memoised per catalog. */
export function loadViewer(db: Db, userId: string): Viewer | null {
  const catalog = getCatalog(db)
  const key = `viewer:${userId}`
  if (catalog.memo.has(key)) return catalog.memo.get(key) as Viewer | null
  const member = db.select().from(t.members).where(eq(t.members.userId, userId)).get()
  let viewer: Viewer | null = null
  if (member?.active) {
    const departmentIds = db.select({ id: t.memberDepartments.departmentId }).from(t.memberDepartments).where(eq(t.memberDepartments.userId, userId)).all().map(r => r.id)
    const roleRows = db.select().from(t.roleAssignments).where(eq(t.roleAssignments.userId, userId)).all()
    const roles = new Set<Role>(['staff', ...roleRows.map(r => r.role)])
    viewer = {
      userId,
      name: member.name,
      avatar: member.avatar,
      departmentIds,
      departmentClosure: new Set(departmentIds.flatMap(d => departmentAncestors(catalog, d))),
      roles,
      isAdmin: roles.has('admin'),
      approverOf: roleRows.filter(r => r.role === 'approver' && r.departmentId !== null).map(r => r.departmentId!),
    }
  }
  catalog.memo.set(key, viewer)
  return viewer
}

function ruleMatches(rule: AccessRule, viewer: Viewer): boolean {
  switch (rule.targetType) {
    case 'department': return viewer.departmentClosure.has(Number(rule.targetId))
    case 'member': return rule.targetId === viewer.userId
    case 'role': return viewer.roles.has(rule.targetId as Role)
  }
}

/** Empty rules mean "everyone" (DESIGN §3). */
function anyMatch(rules: AccessRule[], viewer: Viewer): boolean {
  return rules.length === 0 || rules.some(r => ruleMatches(r, viewer))
}

const ROLE_NAMES: Record<string, string> = { admin: '管理员', approver: '审批人', staff: '全体成员' }

/** "售后部、张三" — who a rule list names, as the sidebar says it. */
export function describeRules(catalog: Catalog, rules: AccessRule[]): string {
  return rules.map((r) => {
    if (r.targetType === 'department') return catalog.departments.get(Number(r.targetId))?.name ?? `部门${r.targetId}`
    if (r.targetType === 'member') return catalog.memberNames.get(r.targetId) ?? r.targetId
    return ROLE_NAMES[r.targetId] ?? r.targetId
  }).join('、')
}

/**
 * The one place that decides who sees and who edits a group; the sidebar, every write and
 * the admin preview all call it. Rules: admins see and edit everything. Otherwise a group
 * is visible when its scope matches and its parent is visible; it is editable when visible,
 * neither it nor an ancestor is locked, and its editors match.
 */
export function resolveGroupAccess(catalog: Catalog, group: CatalogGroup, viewer: Viewer): GroupAccess {
  if (viewer.isAdmin) return { visible: true, editable: true, reasonCode: null, reason: null, rule: '管理员可查看和编辑所有标签组' }
  const chain = groupChain(catalog, group)
  for (const g of chain) {
    if (!anyMatch(g.scope, viewer)) {
      const whose = g === group ? '该标签组' : `上级标签组“${g.name}”`
      return { visible: false, editable: false, reasonCode: null, reason: null, rule: `${whose}仅对${describeRules(catalog, g.scope)}可见` }
    }
  }
  const lockedBy = chain.find(g => g.locked)
  if (lockedBy) {
    const reason = lockedBy === group ? '已锁定，仅管理员可修改' : `上级标签组“${lockedBy.name}”已锁定，仅管理员可修改`
    return { visible: true, editable: false, reasonCode: 'LOCKED', reason, rule: reason }
  }
  if (!anyMatch(group.editors, viewer)) {
    const reason = `该标签组仅${describeRules(catalog, group.editors)}可编辑`
    return { visible: true, editable: false, reasonCode: 'NOT_EDITOR', reason, rule: reason }
  }
  const rule = group.editors.length === 0 ? '可见范围内的成员都可编辑' : `编辑人包含${describeRules(catalog, group.editors)}`
  return { visible: true, editable: true, reasonCode: null, reason: null, rule }
}

export interface GroupView {
  group: CatalogGroup
  path: string[]
  depth: number
  access: GroupAccess
}

/** The groups a member sees, in display order, with their access. Memoised per catalog. */
export function visibleGroups(db: Db, viewer: Viewer): GroupView[] {
  const catalog = getCatalog(db)
  const key = `groups:${viewer.userId}`
  const hit = catalog.memo.get(key) as GroupView[] | undefined
  if (hit) return hit
  const views: GroupView[] = []
  const paths = new Map<number, string[]>()
  for (const group of catalog.groups) {
    const access = resolveGroupAccess(catalog, group, viewer)
    const parentPath = group.parentId === null ? [] : paths.get(group.parentId) ?? []
    const path = [...parentPath, group.name]
    paths.set(group.id, path)
    if (access.visible) views.push({ group, path, depth: path.length - 1, access })
  }
  catalog.memo.set(key, views)
  return views
}
