import type { AccessPreview, GroupSettingsInput, WhyAnswer } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { GroupAccess, Viewer } from '../access.ts'
import type { Catalog, CatalogGroup } from '../catalog.ts'
import { ROLES } from '@app/shared'
import { eq } from 'drizzle-orm'
import { inTransaction } from '../../db/client.ts'
import * as t from '../../db/schema.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { loadViewer, resolveGroupAccess } from '../access.ts'
import { audit } from '../audit.ts'
import { getCatalog, groupPath, invalidateCatalog } from '../catalog.ts'
import { liveGroup } from './groups.ts'

/** Every rule must name a department, member or role that exists, or the group would silently apply to nobody. */
function assertTargetsExist(catalog: Catalog, settings: GroupSettingsInput) {
  for (const r of [...settings.scope, ...settings.editors]) {
    const ok = r.targetType === 'department'
      ? catalog.departments.has(Number(r.targetId))
      : r.targetType === 'member' ? catalog.memberNames.has(r.targetId) : (ROLES as readonly string[]).includes(r.targetId)
    if (!ok) throw new AppError(422, 'RULE_VIOLATION', `不存在的${{ department: '部门', member: '成员', role: '角色' }[r.targetType]}：${r.targetId}`)
  }
}

const settingsOf = (g: CatalogGroup) => ({ scope: g.scope, editors: g.editors, locked: g.locked, exclusive: g.exclusive })

/** Replaces a group's scope, editors, lock and exclusivity. Takes effect on the sidebar's next load. */
export function setGroupSettings(db: Db, actorId: string, id: number, settings: GroupSettingsInput): { id: number } {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, id)
  assertTargetsExist(catalog, settings)
  const dedupe = (rules: GroupSettingsInput['scope']) => [...new Map(rules.map(r => [`${r.targetType}:${r.targetId}`, r])).values()]
  inTransaction(db, () => {
    db.update(t.tagGroups).set({ locked: settings.locked, exclusive: settings.exclusive, updatedAt: new Date() }).where(eq(t.tagGroups.id, id)).run()
    db.delete(t.groupAccess).where(eq(t.groupAccess.groupId, id)).run()
    const rows = [
      ...dedupe(settings.scope).map(r => ({ groupId: id, kind: 'scope' as const, ...r })),
      ...dedupe(settings.editors).map(r => ({ groupId: id, kind: 'editor' as const, ...r })),
    ]
    if (rows.length > 0) db.insert(t.groupAccess).values(rows).run()
    audit(db, { actorId, action: 'group.settings', targetType: 'group', targetId: id, groupId: id, before: settingsOf(group), after: settings })
  })
  invalidateCatalog(db)
  return { id }
}

function activeViewers(db: Db): Viewer[] {
  return db.select({ userId: t.members.userId }).from(t.members).where(eq(t.members.active, true)).all()
    .map(m => loadViewer(db, m.userId)).filter((v): v is Viewer => v !== null)
}

const EFFECT_TEXT = { lose_view: '将看不到此标签组', gain_view: '将可以看到此标签组', lose_edit: '将不能再编辑此标签组', gain_edit: '将可以编辑此标签组' } as const
type Effect = keyof typeof EFFECT_TEXT

/**
 * Before saving: who gains or loses visibility or edit rights, grouped by department
 * ("售后部 1 人将看不到此标签组：赵六"). Runs the same resolveGroupAccess as the sidebar
 * over every active member, with the current and the proposed settings.
 */
export function previewGroupSettings(db: Db, id: number, settings: GroupSettingsInput): AccessPreview {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, id)
  assertTargetsExist(catalog, settings)
  const proposed: CatalogGroup = { ...group, ...settings }
  const buckets = new Map<string, { effect: Effect, department: string, members: Array<{ userId: string, name: string }> }>()
  const add = (effect: Effect, v: Viewer) => {
    const department = v.departmentIds.map(d => catalog.departments.get(d)?.name ?? String(d)).join('、') || '未分配部门'
    const key = `${effect}|${department}`
    if (!buckets.has(key)) buckets.set(key, { effect, department, members: [] })
    buckets.get(key)!.members.push({ userId: v.userId, name: v.name })
  }
  for (const v of activeViewers(db)) {
    const now = resolveGroupAccess(catalog, group, v)
    const next = resolveGroupAccess(catalog, proposed, v)
    if (now.visible !== next.visible) add(next.visible ? 'gain_view' : 'lose_view', v)
    else if (now.visible && now.editable !== next.editable) add(next.editable ? 'gain_edit' : 'lose_edit', v)
  }
  const order: Effect[] = ['lose_view', 'lose_edit', 'gain_view', 'gain_edit']
  const changes = [...buckets.values()]
    .sort((a, b) => order.indexOf(a.effect) - order.indexOf(b.effect) || a.department.localeCompare(b.department, 'zh'))
    .map(b => ({ ...b, message: `${b.department} ${b.members.length} 人${EFFECT_TEXT[b.effect]}：${b.members.slice(0, 10).map(m => m.name).join('、')}${b.members.length > 10 ? ' 等' : ''}` }))
  return { changes, unchanged: changes.length === 0 }
}

function answerText(name: string, access: GroupAccess): string {
  if (!access.visible) return `${name}看不到此标签组：${access.rule}`
  if (!access.editable) return `${name}能看到但不能编辑此标签组：${access.rule}`
  return `${name}可以查看和编辑此标签组：${access.rule}`
}

/** "Why can't X see/edit this?": the decision for one member and group, with the rule that decides it. */
export function explainAccess(db: Db, userId: string, groupId: number): WhyAnswer {
  const catalog = getCatalog(db)
  const group = liveGroup(catalog, groupId)
  const viewer = loadViewer(db, userId)
  if (!viewer) throw notFound('成员不存在或已停用')
  const access = resolveGroupAccess(catalog, group, viewer)
  return {
    member: { userId, name: viewer.name, departments: viewer.departmentIds.map(d => catalog.departments.get(d)?.name ?? String(d)) },
    group: { id: group.id, path: groupPath(catalog, group) },
    visible: access.visible,
    editable: access.editable,
    rule: access.rule,
    answer: answerText(viewer.name, access),
  }
}
