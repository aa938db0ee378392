import type { Db } from '../db/client.ts'
import * as t from '../db/schema.ts'

export interface AuditEntry {
  actorId: string | null
  action: string
  targetType: string
  targetId?: string | number | null
  customerId?: string | null
  groupId?: number | null
  tagId?: number | null
  /** Set for personal-tag events: only this member may read them. */
  ownerId?: string | null
  before?: unknown
  after?: unknown
}

/** Appends to the audit log. Call inside the transaction of the change it records. */
export function audit(db: Db, entry: AuditEntry, at = new Date()): void {
  auditMany(db, [entry], at)
}

/** Many entries in one statement: a promotion or restore can write thousands. */
export function auditMany(db: Db, entries: AuditEntry[], at = new Date()): void {
  const CHUNK = 500
  for (let i = 0; i < entries.length; i += CHUNK) {
    db.insert(t.auditLog).values(entries.slice(i, i + CHUNK).map(e => ({
      at,
      actorId: e.actorId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
      customerId: e.customerId ?? null,
      groupId: e.groupId ?? null,
      tagId: e.tagId ?? null,
      ownerId: e.ownerId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    }))).run()
  }
}
