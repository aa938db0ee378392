import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

/** Screenshots land here; CI keeps them as artifacts. */
export const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-results')

/** Debian's chromium, never a downloaded one; flags that keep it off the closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
}

/** A phone-sized, touch-enabled context like the WeCom sidebar (360×740). */
export function newSidebarContext(browser: Browser, opts: { userAgent?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    userAgent: opts.userAgent,
  })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * A real touch long-press through CDP: touchStart at the element's centre, hold, touchEnd.
 * `holdMs` defaults to 800 ms, past the page's 600 ms threshold.
 */
export async function longPress(page: Page, selector: string, holdMs = 800): Promise<void> {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`longPress: ${selector} is not visible`)
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  const cdp: CDPSession = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  await page.waitForTimeout(holdMs)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
