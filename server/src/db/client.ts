import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle')

export type Db = ReturnType<typeof openDb>

function openDb(client: Database.Database) {
  return drizzle({ client, schema })
}

/**
 * Opens (creating if needed) a SQLite database, sets the pragmas the app relies on and
 * applies the committed migrations. `':memory:'` gives tests a private database.
 */
export function createDb(file: string) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const client = new Database(file)
  // WAL lets readers run while a write commits; foreign keys are off by default in SQLite.
  client.pragma('journal_mode = WAL')
  client.pragma('foreign_keys = ON')
  client.pragma('synchronous = NORMAL')
  client.pragma('busy_timeout = 5000')
  const db = openDb(client)
  migrate(db, { migrationsFolder })
  return db
}

/**
 * Runs `fn` in one SQLite transaction (better-sqlite3 transactions are synchronous).
 * BEGIN IMMEDIATE takes the write lock up front: with several server processes (WORKERS)
 * a deferred transaction that read first could not upgrade to a write once another process
 * had committed (SQLITE_BUSY_SNAPSHOT, no retry); taking the lock first makes it wait its
 * turn (busy_timeout) instead. Nested calls become savepoints.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate()
}
