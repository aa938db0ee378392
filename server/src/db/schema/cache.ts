import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Version counters that triggers bump on every write to the tables a cache is built
 * from (see the cache_version_triggers migration). A process compares the counter with
 * the one its cache was built at, so the cache stays right whatever wrote the change:
 * another request, another server process, a migration or a script.
 */
export const cacheVersions = sqliteTable('cache_versions', {
  key: text('key').primaryKey(),
  version: integer('version').notNull().default(0),
})

/** One counter per member, bumped by every write to that member's personal tags. */
export const personalLibraryVersions = sqliteTable('personal_library_versions', {
  ownerId: text('owner_id').primaryKey(),
  version: integer('version').notNull().default(0),
})
