import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** The department tree (WeCom 部门). A group scoped to a department covers its sub-departments. */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  parentId: integer('parent_id'),
  sortOrder: integer('sort_order').notNull().default(0),
}, t => [index('departments_parent_idx').on(t.parentId)])

/** Members (成员), keyed by their WeCom userid. */
export const members = sqliteTable('members', {
  userId: text('user_id').primaryKey(),
  name: text('name').notNull(),
  avatar: text('avatar'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
})

export const memberDepartments = sqliteTable('member_departments', {
  userId: text('user_id').notNull().references(() => members.userId, { onDelete: 'cascade' }),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
}, t => [primaryKey({ columns: [t.userId, t.departmentId] }), index('member_departments_dept_idx').on(t.departmentId)])

/**
 * Roles are data (DESIGN §2). `staff` is implicit for every member. An `approver` row names
 * the department (and so its sub-departments) whose members' proposals it decides; an
 * `admin` row has no department.
 */
export const roleAssignments = sqliteTable('role_assignments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull().references(() => members.userId, { onDelete: 'cascade' }),
  role: text('role', { enum: ['admin', 'approver'] }).notNull(),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'cascade' }),
}, t => [uniqueIndex('role_assignments_unique').on(t.userId, t.role, t.departmentId)])
