import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * One entry per delete of a group or tag. The deleted rows keep `deletionId`; their
 * customer assignments move to `deletedAssignments` so restoring puts every one back.
 */
export const deletions = sqliteTable('deletions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['group', 'tag'] }).notNull(),
  targetId: integer('target_id').notNull(),
  name: text('name').notNull(),
  deletedBy: text('deleted_by').notNull(),
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  restoredAt: integer('restored_at', { mode: 'timestamp_ms' }),
  restoredBy: text('restored_by'),
  purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
  /** Counts for the bin's list: tags and assignments taken along. */
  tagCount: integer('tag_count').notNull().default(0),
  assignmentCount: integer('assignment_count').notNull().default(0),
}, t => [index('deletions_expires_idx').on(t.expiresAt)])

export const deletedAssignments = sqliteTable('deleted_assignments', {
  deletionId: integer('deletion_id').notNull().references(() => deletions.id, { onDelete: 'cascade' }),
  externalUserId: text('external_user_id').notNull(),
  tagId: integer('tag_id').notNull(),
  markedBy: text('marked_by'),
  markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull(),
  source: text('source').notNull(),
}, t => [index('deleted_assignments_deletion_idx').on(t.deletionId)])
