import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { members } from './org.ts'

/** External contacts (客户), keyed by WeCom's external_userid. */
export const customers = sqliteTable('customers', {
  externalUserId: text('external_user_id').primaryKey(),
  name: text('name').notNull(),
  avatar: text('avatar'),
  corpName: text('corp_name'),
  type: integer('type').notNull().default(1),
  gender: integer('gender').notNull().default(0),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Who follows which customer (WeCom follow_user). Corporate marks in WeCom belong to one. */
export const followRelations = sqliteTable('follow_relations', {
  userId: text('user_id').notNull().references(() => members.userId, { onDelete: 'cascade' }),
  externalUserId: text('external_user_id').notNull().references(() => customers.externalUserId, { onDelete: 'cascade' }),
  remark: text('remark'),
  addWay: integer('add_way'),
  state: text('state'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, t => [primaryKey({ columns: [t.userId, t.externalUserId] }), index('follow_relations_customer_idx').on(t.externalUserId)])
