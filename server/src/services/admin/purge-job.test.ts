import { describe, expect, it } from 'vitest'
import { createDb } from '../../db/client.ts'
import { loadConfig } from '../../lib/config.ts'
import { startPurgeJob } from './purge-job.ts'

describe('recycle-bin purge job', () => {
  it('should be scheduled hourly and stop when asked', () => {
    const job = startPurgeJob(createDb(':memory:'), loadConfig({}))
    const next = job.nextRun()!
    expect(next.getMinutes()).toBe(7)
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(3600_000)
    job.stop()
    expect(job.isRunning()).toBe(false)
    expect(job.nextRun()).toBeNull()
  })
})
