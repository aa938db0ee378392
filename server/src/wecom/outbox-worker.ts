import type { Db } from '../db/client.ts'
import type { WecomApi } from './client.ts'
import type { OutboxOptions } from './outbox.ts'
import { claimDue, processRow } from './outbox.ts'

export interface OutboxWorker {
  /** Look for due rows now (after a change was queued or a retry requested). */
  wake: () => void
  /** Stops claiming and waits for the rows in flight. */
  stop: () => Promise<void>
}

const IDLE_POLL_MS = 1000

/**
 * Keeps up to `concurrency` rows in flight. Rows are claimed in the database, so a
 * killed process leaves them 'running' with a lease that runs out, and the next worker
 * (this one after a restart) claims them again.
 */
export function startOutboxWorker(db: Db, api: WecomApi, opts: OutboxOptions): OutboxWorker {
  let stopped = false
  let inFlight = 0
  let timer: NodeJS.Timeout | undefined
  const running = new Set<Promise<unknown>>()

  let timerDue = Infinity
  // Never push back a pump that is already due sooner: a stream of wakes (one per marked
  // tag) would otherwise keep re-arming the timer and starve the queue.
  const schedule = (ms: number) => {
    if (stopped || timerDue <= Date.now() + ms) return
    clearTimeout(timer)
    timerDue = Date.now() + ms
    timer = setTimeout(() => {
      timerDue = Infinity
      pump()
    }, ms)
  }

  function pump() {
    if (stopped) return
    const free = opts.concurrency - inFlight
    if (free <= 0) return
    let rows: ReturnType<typeof claimDue>
    try {
      rows = claimDue(db, free, opts.leaseMs)
    }
    catch (err) {
      console.error('[wecom] outbox claim failed', err)
      return schedule(IDLE_POLL_MS)
    }
    for (const row of rows) {
      inFlight++
      const p = processRow(db, api, row, opts)
        .catch(err => console.error('[wecom] outbox row crashed', row.id, err))
        .finally(() => {
          inFlight--
          running.delete(p)
          // A finished row may unblock the next one of the same customer.
          schedule(0)
        })
      running.add(p)
    }
    if (rows.length === 0 && inFlight === 0) schedule(IDLE_POLL_MS)
    else if (rows.length === 0) schedule(Math.min(IDLE_POLL_MS, 200))
  }

  schedule(0)
  return {
    wake: () => schedule(0),
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await Promise.all(running)
    },
  }
}
