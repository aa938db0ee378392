import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { members } from './org.ts'
import { personalTags } from './personal.ts'

/**
 * Personal → corporate promotion requests (DESIGN §3 "Promotion").
 * pending → approved | rejected | withdrawn; decisions are final.
 */
export const proposals = sqliteTable('proposals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  proposerId: text('proposer_id').notNull().references(() => members.userId),
  personalTagId: integer('personal_tag_id').notNull().references(() => personalTags.id),
  proposedName: text('proposed_name').notNull(),
  /** An existing group, or null with `newGroupName` set. */
  targetGroupId: integer('target_group_id'),
  newGroupName: text('new_group_name'),
  reason: text('reason').notNull(),
  customerCount: integer('customer_count').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  /** create | merge (into an existing corporate tag) | reject. */
  decision: text('decision', { enum: ['create', 'merge', 'reject'] }),
  decisionReason: text('decision_reason'),
  resultTagId: integer('result_tag_id'),
  migrateScope: text('migrate_scope', { enum: ['proposer', 'all'] }),
  retirePersonal: integer('retire_personal', { mode: 'boolean' }),
  migratedCount: integer('migrated_count'),
  /** When the proposer last saw the decision, for the "new outcome" badge. */
  seenAt: integer('seen_at', { mode: 'timestamp_ms' }),
}, t => [
  index('proposals_proposer_idx').on(t.proposerId, t.createdAt),
  index('proposals_status_idx').on(t.status, t.createdAt),
  uniqueIndex('proposals_one_pending_per_tag').on(t.personalTagId).where(sql`status = 'pending'`),
])
