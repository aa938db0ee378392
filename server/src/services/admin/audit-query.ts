import type { AuditPage, AuditQuery } from '@app/shared'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { and, desc, eq, gte, isNull, like, lte, or, sql } from 'drizzle-orm'
import * as t from '../../db/schema.ts'
import { getCatalog } from '../catalog.ts'

/**
 * The admin's audit log, newest first, filtered and paginated. Personal-tag events (those
 * with an owner) never appear here: only their owner may read them (DESIGN §3).
 */
export function queryAuditLog(db: Db, q: AuditQuery): AuditPage {
  const where: SQL[] = [isNull(t.auditLog.ownerId)]
  if (q.actor) where.push(eq(t.auditLog.actorId, q.actor))
  if (q.action) where.push(q.action.endsWith('.') ? like(t.auditLog.action, `${q.action}%`) : eq(t.auditLog.action, q.action))
  if (q.groupId) where.push(eq(t.auditLog.groupId, q.groupId))
  if (q.tagId) where.push(or(eq(t.auditLog.tagId, q.tagId), and(eq(t.auditLog.targetType, 'tag'), eq(t.auditLog.targetId, String(q.tagId))))!)
  if (q.customer) where.push(eq(t.auditLog.customerId, q.customer))
  if (q.from !== undefined) where.push(gte(t.auditLog.at, new Date(q.from)))
  if (q.to !== undefined) where.push(lte(t.auditLog.at, new Date(q.to)))
  const filter = and(...where)
  const total = db.select({ n: sql<number>`count(*)` }).from(t.auditLog).where(filter).get()!.n
  const rows = db.select().from(t.auditLog).where(filter).orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).all()
  const names = getCatalog(db).memberNames
  return {
    entries: rows.map(r => ({
      id: r.id,
      at: r.at.getTime(),
      actorId: r.actorId,
      actorName: r.actorId ? names.get(r.actorId) ?? r.actorId : null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      customerId: r.customerId,
      groupId: r.groupId,
      tagId: r.tagId,
      before: r.before,
      after: r.after,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  }
}
