import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createDb } from '../db/client.ts'
import { loadConfig } from '../lib/config.ts'
import { seedDemoCompany } from '../seed/seed-demo.ts'
import { TEST_ORIGIN } from '../test-utils.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach(d => rmSync(d, { recursive: true, force: true })))

/** Two connections to one file: the app's, and "another process" writing behind its back. */
function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'))
  dirs.push(dir)
  const file = join(dir, 'app.db')
  const db = createDb(file)
  seedDemoCompany(db)
  const other = createDb(file)
  const app = createApp({ db, config: loadConfig({}), sessionSecret: 'catalog-test-secret-catalog-test-secret', hooks: {} })
  return { app, other }
}

async function sidebarAs(app: ReturnType<typeof createApp>, userId: string) {
  const login = await app.request('/api/auth/demo', { method: 'POST', headers: { 'Origin': TEST_ORIGIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  return async () => (await app.request('/api/customers/wmDemo001/tags', { headers: { Cookie: cookie } })).json() as Promise<any>
}

describe('cached library and org chart', () => {
  it('should show a group renamed by another process on the next request', async () => {
    const { app, other } = twoConnections()
    const load = await sidebarAs(app, 'zhangsan')
    expect((await load()).corporate.groups.map((g: { name: string }) => g.name)).toContain('区域')
    other.$client.prepare(`update tag_groups set name = '销售区域' where name = '区域'`).run()
    expect((await load()).corporate.groups.map((g: { name: string }) => g.name)).toContain('销售区域')
  })

  it('should apply a scope change made elsewhere at once', async () => {
    const { app, other } = twoConnections()
    const load = await sidebarAs(app, 'zhangsan')
    expect((await load()).corporate.groups.some((g: { name: string }) => g.name === '渠道来源')).toBe(true)
    other.$client.prepare(`insert into group_access (group_id, kind, target_type, target_id) select id, 'scope', 'department', '5' from tag_groups where name = '渠道来源'`).run()
    expect((await load()).corporate.groups.some((g: { name: string }) => g.name === '渠道来源')).toBe(false)
  })

  it('should show a personal tag added elsewhere, and only to its owner', async () => {
    const { app, other } = twoConnections()
    const zhangsan = await sidebarAs(app, 'zhangsan')
    const lisi = await sidebarAs(app, 'lisi')
    await zhangsan()
    await lisi()
    other.$client.prepare(`insert into personal_tags (owner_id, name, name_key, created_at) values ('zhangsan', '夜猫子', '夜猫子', 0)`).run()
    expect((await zhangsan()).personal.tags.map((t: { name: string }) => t.name)).toContain('夜猫子')
    expect((await lisi()).personal.tags.map((t: { name: string }) => t.name)).not.toContain('夜猫子')
  })
})
