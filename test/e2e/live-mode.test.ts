import type { Browser } from 'playwright-core'
import type { LiveSetup } from '../integration/wecom-live-support.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newSidebarContext, screenshot } from '../support/browser.ts'
import { demoSeed } from '../wecom-emulator/demo-data.ts'
import { startLiveSetup, until } from '../integration/wecom-live-support.ts'

// The WeCom client's user agent: @wecom/jssdk switches to the native bridge when it sees wxwork/.
const WECOM_UA = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 wxwork/4.1.30 MicroMessenger/7.0.1 Language/zh ColorScheme/Light'

/**
 * What the WeCom client injects: window.WeixinJSBridge. The stub answers register's
 * config and agentConfig, says the page was opened from a single chat, and names the
 * chat's customer. Calls are kept on window.__bridgeCalls for the test to read.
 */
function bridgeStub({ entry, externalUserId }: { entry: string, externalUserId: string }) {
  const calls: Array<{ name: string, params: any }> = []
  ;(globalThis as any).__bridgeCalls = calls
  const answers: Record<string, object> = {
    preVerifyJSAPI: { err_msg: 'config:ok' },
    agentConfig: { err_msg: 'agentConfig:ok' },
    getContext: { err_msg: 'getContext:ok', entry },
    getCurExternalContact: { err_msg: 'getCurExternalContact:ok', userId: externalUserId },
  }
  ;(globalThis as any).WeixinJSBridge = {
    invoke(name: string, params: any, cb: (r: object) => void) {
      calls.push({ name, params })
      setTimeout(() => cb(answers[name] ?? { err_msg: `${name}:fail_not_supported` }), 5)
    },
    on() {},
  }
}

let s: LiveSetup
let browser: Browser
beforeAll(async () => {
  s = await startLiveSetup(demoSeed())
  await until('first sync', () => s.app.output().includes('[wecom] sync'))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  s?.db().close()
  await s?.app.stop()
  await s?.emu.stop()
})

describe('the sidebar in live mode inside (a stubbed) WeCom client', () => {
  it('should log in through WeCom, take the customer from getCurExternalContact and sync a toggle', async () => {
    const context = await newSidebarContext(browser, { userAgent: WECOM_UA })
    const page = await context.newPage()
    await page.addInitScript(bridgeStub, { entry: 'single_chat_tools', externalUserId: 'wmDemo003' })
    // Slow WeCom a little so 同步中 is on screen long enough to see.
    await s.emu.control('/faults', { rate: 0, delayMs: [1500, 1600], apis: ['externalcontact/mark_tag'] })

    await page.goto(`${s.app.url}/`)
    await page.locator('main[data-member="zhangsan"][data-customer="wmDemo003"]').waitFor({ timeout: 30_000 })
    const calls = await page.evaluate(() => (globalThis as any).__bridgeCalls.map((c: any) => c.name))
    // Inside WeCom the SDK registers with the app identity (agentConfig) before asking for the chat.
    expect(calls).toEqual(expect.arrayContaining(['agentConfig', 'getContext', 'getCurExternalContact']))
    expect(calls.indexOf('agentConfig')).toBeLessThan(calls.indexOf('getCurExternalContact'))
    const agent = await page.evaluate(() => (globalThis as any).__bridgeCalls.find((c: any) => c.name === 'agentConfig').params)
    expect(String(agent.agentid)).toBe('1000002')
    expect(agent.signature).toMatch(/^[0-9a-f]{40}$/)
    await expect.poll(() => page.locator('[data-testid="customer-sync"]').getAttribute('data-sync')).toBe('synced')

    const tag = page.locator('.corp-tag', { hasText: /^华北$/ })
    await tag.click()
    await expect.poll(() => page.locator('[data-testid="customer-sync"]').textContent()).toContain('同步中')
    await screenshot(page, 'live-mode-syncing')
    await expect.poll(() => page.locator('[data-testid="customer-sync"]').getAttribute('data-sync'), { timeout: 15_000 }).toBe('synced')
    await expect.poll(() => tag.getAttribute('data-selected')).toBe('true')

    const huabei = (s.db().prepare('select wecom_id from corp_tags where name = ? and deleted_at is null').get('华北') as any).wecom_id
    const { marks } = await s.emu.control('/marks')
    expect(marks).toEqual([expect.objectContaining({ userid: 'zhangsan', external_userid: 'wmDemo003', add_tag: [huabei], remove_tag: [] })])
    await context.close()
  })

  it('should tell the member what to do when opened from a group chat', async () => {
    const context = await newSidebarContext(browser, { userAgent: WECOM_UA })
    const page = await context.newPage()
    await page.addInitScript(bridgeStub, { entry: 'group_chat_tools', externalUserId: '' })
    await page.goto(`${s.app.url}/`)
    await expect.poll(() => page.locator('[data-testid="page-problem"]').textContent(), { timeout: 30_000 }).toContain('单聊')
    await context.close()
  })
})
