import type { Db } from '../../db/client.ts'
import type { Config } from '../../lib/config.ts'
import { Cron } from 'croner'
import { purgeExpired } from './recycle-bin.ts'

/**
 * Purges recycle-bin items past RECYCLE_RETENTION_DAYS, hourly (minute 7, to stay off the
 * hour). croner never overlaps runs (`protect`) and an error is logged, not fatal. Started by
 * index.ts only; tests call purgeExpired directly. Returns the job so shutdown can stop it.
 */
export function startPurgeJob(db: Db, _config: Config, pattern = '7 * * * *'): Cron {
  return new Cron(pattern, { name: 'recycle-bin-purge', protect: true, catch: err => console.error('[recycle-bin] purge failed:', err) }, () => {
    const purged = purgeExpired(db)
    if (purged > 0) console.log(`[recycle-bin] purged ${purged} expired item(s)`)
  })
}
