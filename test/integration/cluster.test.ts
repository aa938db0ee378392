import type { AppProcess } from '../wecom-emulator/processes.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startAppProcess } from '../wecom-emulator/processes.ts'

// WORKERS=2: two HTTP processes share the port and one SQLite file. Writes from both must
// queue behind each other (BEGIN IMMEDIATE), never fail, and both must serve fresh data.
let app: AppProcess
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cluster-'))
  const port = await freePort()
  app = await startAppProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_PATH: join(dir, 'app.db'),
    WORKERS: '2',
    WECOM_CORP_ID: '',
  }, 'demo')
})

afterAll(async () => {
  await app?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function login(userId: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Origin': app.url }, body: JSON.stringify({ userId }) })
  expect(res.status).toBe(200)
  return res.headers.getSetCookie()[0]!.split(';')[0]!
}

describe('two server processes on one database', () => {
  it('should keep every change of 60 parallel deltas from two members and never fail one', async () => {
    const cookies = [await login('zhangsan'), await login('lisi')]
    const state = async () => (await fetch(`${app.url}/api/customers/wmDemo001/tags`, { headers: { Cookie: cookies[0]! } })).json() as Promise<any>
    const editable = (await state()).corporate.groups.filter((g: any) => g.editable && !g.exclusive).flatMap((g: any) => g.tags.map((t: any) => t.id)) as number[]
    expect(editable.length).toBeGreaterThanOrEqual(10)

    // Separate connections (no keep-alive reuse) so requests spread over both processes.
    const statuses = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
      const res = await fetch(`${app.url}/api/customers/wmDemo001/corporate-tags`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Origin': app.url, 'Cookie': cookies[i % 2]!, 'Connection': 'close' },
        body: JSON.stringify({ add: [editable[i % editable.length]] }),
      })
      await res.arrayBuffer()
      return res.status
    }))
    expect(statuses).toEqual(statuses.map(() => 200))

    // Every process now answers with all of them selected.
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${app.url}/api/customers/wmDemo001/tags`, { headers: { Cookie: cookies[i % 2]!, Connection: 'close' } })
      const selected = new Set((await res.json() as any).corporate.groups.flatMap((g: any) => g.tags.filter((t: any) => t.selected).map((t: any) => t.id)))
      for (const id of editable) expect(selected.has(id)).toBe(true)
    }
  })
})
