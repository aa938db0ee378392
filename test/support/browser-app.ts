import type { Browser, Page } from 'playwright-core'
import type { RunningApp } from './app-server.ts'
import { afterAll, beforeAll } from 'vitest'
import { startAppServer } from './app-server.ts'
import { launchBrowser, newSidebarContext } from './browser.ts'

/** The page's localStorage, typed here because the test project has no DOM types. */
interface Storage { setItem: (key: string, value: string) => void }

export interface PageOptions {
  /** The customer the demo bar opens on (default wmDemo001). */
  customer?: string
  path?: string
  /** A 1024×900 desktop window instead of the 360×740 touch sidebar. */
  desktop?: boolean
}

/**
 * The usual browser-test setup: the real app on a fresh database and Debian's chromium,
 * started before the file's tests and closed after them. `pageAs` opens a new page acting
 * as a member, chosen the way a person would in the demo bar (it remembers the choice).
 */
export function useBrowserApp() {
  let app: RunningApp | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  async function pageAs(userId: string, opts: PageOptions = {}): Promise<Page> {
    const context = opts.desktop
      ? await browser!.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN' })
      : await newSidebarContext(browser!)
    // Runs in the page before its scripts.
    await context.addInitScript((choice) => {
      (globalThis as unknown as { localStorage: Storage }).localStorage.setItem('tag-sidebar.demo', JSON.stringify(choice))
    }, { userId, externalUserId: opts.customer ?? 'wmDemo001' })
    const page = await context.newPage()
    await page.goto(`${app!.url}${opts.path ?? '/'}`)
    return page
  }

  return {
    get app() { return app! },
    get browser() { return browser! },
    pageAs,
  }
}
