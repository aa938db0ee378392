import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { customers } from './customers.ts'

/**
 * Corporate tag groups: a tree ("消费偏好" › "母婴类" › "奶粉段位") with local policies
 * WeCom does not have (scope, editors, locked, exclusive). `deletedAt` set = in the
 * recycle bin; such rows are invisible to everything but the bin.
 */
export const tagGroups = sqliteTable('tag_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  wecomId: text('wecom_id'),
  name: text('name').notNull(),
  parentId: integer('parent_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
  exclusive: integer('exclusive', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  deletionId: integer('deletion_id'),
}, t => [
  uniqueIndex('tag_groups_wecom_id_unique').on(t.wecomId),
  index('tag_groups_parent_idx').on(t.parentId),
])

/**
 * Who a group applies to. `kind` scope = who sees it (none = everyone); editor = who may
 * mark its tags (none = everyone in scope). A department target covers its sub-departments.
 */
export const groupAccess = sqliteTable('group_access', {
  groupId: integer('group_id').notNull().references(() => tagGroups.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['scope', 'editor'] }).notNull(),
  targetType: text('target_type', { enum: ['department', 'member', 'role'] }).notNull(),
  targetId: text('target_id').notNull(),
}, t => [primaryKey({ columns: [t.groupId, t.kind, t.targetType, t.targetId] })])

export const corpTags = sqliteTable('corp_tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  wecomId: text('wecom_id'),
  groupId: integer('group_id').notNull().references(() => tagGroups.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  deletionId: integer('deletion_id'),
}, t => [
  uniqueIndex('corp_tags_wecom_id_unique').on(t.wecomId),
  index('corp_tags_group_idx').on(t.groupId),
  // Duplicate names are refused within a group, among live tags only.
  uniqueIndex('corp_tags_group_name_unique').on(t.groupId, t.nameKey).where(sql`deleted_at is null`),
])

/** The customer's shared set of corporate tags, each remembering who, when and how. */
export const customerCorpTags = sqliteTable('customer_corp_tags', {
  externalUserId: text('external_user_id').notNull().references(() => customers.externalUserId, { onDelete: 'cascade' }),
  tagId: integer('tag_id').notNull().references(() => corpTags.id, { onDelete: 'cascade' }),
  markedBy: text('marked_by'),
  markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull(),
  source: text('source', { enum: ['manual', 'rule', 'channel', 'promotion', 'import', 'wecom'] }).notNull(),
}, t => [primaryKey({ columns: [t.externalUserId, t.tagId] }), index('customer_corp_tags_tag_idx').on(t.tagId)])
