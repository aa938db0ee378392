import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { customers } from './customers.ts'
import { members } from './org.ts'

/** A member's private tag library. `retiredAt` set = retired after a promotion; kept for history. */
export const personalTags = sqliteTable('personal_tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ownerId: text('owner_id').notNull().references(() => members.userId, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
}, t => [
  uniqueIndex('personal_tags_owner_name_unique').on(t.ownerId, t.nameKey).where(sql`retired_at is null`),
  index('personal_tags_name_key_idx').on(t.nameKey),
])

/**
 * A personal tag on a customer, with the note of what was observed. `fromUserId` is set
 * when the assignment was carried over from a previous owner at handover ("来自 张三").
 */
export const customerPersonalTags = sqliteTable('customer_personal_tags', {
  tagId: integer('tag_id').notNull().references(() => personalTags.id, { onDelete: 'cascade' }),
  externalUserId: text('external_user_id').notNull().references(() => customers.externalUserId, { onDelete: 'cascade' }),
  note: text('note'),
  fromUserId: text('from_user_id'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
}, t => [primaryKey({ columns: [t.tagId, t.externalUserId] }), index('customer_personal_tags_customer_idx').on(t.externalUserId)])
