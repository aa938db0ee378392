import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The durable outbox of changes to push to WeCom (live mode). One row per change; the
 * worker claims due rows, calls WeCom and marks them done, so a restart resumes the queue
 * and a change is never applied twice.
 */
export const wecomOutbox = sqliteTable('wecom_outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  userId: text('user_id'),
  externalUserId: text('external_user_id'),
  payload: text('payload', { mode: 'json' }).notNull(),
  status: text('status', { enum: ['pending', 'running', 'done', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
  lastError: text('last_error'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  doneAt: integer('done_at', { mode: 'timestamp_ms' }),
}, t => [
  index('wecom_outbox_due_idx').on(t.status, t.nextAttemptAt),
  index('wecom_outbox_customer_idx').on(t.externalUserId, t.status),
])

/** Callback events already seen, so a retried or replayed event changes nothing. */
export const wecomEvents = sqliteTable('wecom_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  eventKey: text('event_key').notNull(),
  receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
  payload: text('payload', { mode: 'json' }),
}, t => [uniqueIndex('wecom_events_key_unique').on(t.eventKey)])

/** Small key/value state (last sync time, cached tickets' expiry, …). */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})
