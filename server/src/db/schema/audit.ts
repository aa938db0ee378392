import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Append-only (a trigger in the migrations refuses UPDATE and DELETE). `ownerId` is set
 * for personal-tag events: only that member may read them, admins included.
 */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  customerId: text('customer_id'),
  groupId: integer('group_id'),
  tagId: integer('tag_id'),
  ownerId: text('owner_id'),
  before: text('before', { mode: 'json' }),
  after: text('after', { mode: 'json' }),
}, t => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_actor_idx').on(t.actorId, t.at),
  index('audit_log_customer_idx').on(t.customerId, t.at),
  index('audit_log_group_idx').on(t.groupId, t.at),
  index('audit_log_owner_idx').on(t.ownerId, t.at),
])
