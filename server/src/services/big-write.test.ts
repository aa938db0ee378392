import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, inTransaction } from '../db/client.ts'
import { withBigWrite } from './big-write.ts'

describe('a big write', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('should commit without copying the WAL back on the event loop, then checkpoint in the background', async () => {
    dir = mkdtempSync(join(tmpdir(), 'big-write-'))
    const file = join(dir, 'app.db')
    const db = createDb(file)
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    const before = statSync(file).size
    const insert = db.$client.prepare('insert into customers (external_user_id, name, updated_at) values (?, ?, ?)')
    withBigWrite(db, () => inTransaction(db, () => {
      for (let i = 0; i < 20_000; i++) insert.run(`wmBig${i}`, `客户${i}`, Date.now())
    }))
    // Committed and readable at once, though the database file itself has not grown yet.
    expect(db.$client.prepare('select count(*) as n from customers').get()).toEqual({ n: 20_000 })
    expect(statSync(file).size).toBe(before)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before)
    db.$client.close()
  })
})
