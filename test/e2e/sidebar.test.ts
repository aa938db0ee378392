import type { CustomerTags } from '@app/shared'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { RunningApp } from '../support/app-server.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAppServer } from '../support/app-server.ts'
import { launchBrowser, longPress, newSidebarContext, screenshot } from '../support/browser.ts'

// The six steps of issue 2, as a salesperson does them in a 360×740 touch sidebar.
let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page

const corpTag = (name: string) => page.locator('[data-testid^="corp-tag-"]', { hasText: name }).first()
const personalTag = (name: string) => page.locator('[data-testid^="personal-tag-"]', { hasText: name }).first()
const groupOf = (name: string) => page.locator('[data-testid^="group-"]', { has: page.locator('.name', { hasText: name }) }).first()
const selected = (l: Locator) => l.getAttribute('data-selected')
const idOf = async (l: Locator) => (await l.getAttribute('data-testid'))!.replace(/^\D+/, '')

/** What the server says right now, asked with the page's own session cookie. */
function serverState(customer = 'wmDemo001'): Promise<CustomerTags> {
  return page.evaluate(async id => (await fetch(`/api/customers/${id}/tags`)).json() as Promise<CustomerTags>, customer)
}
const serverCorp = async (name: string) => (await serverState()).corporate.groups.flatMap(g => g.tags).find(t => t.name === name)
const serverPersonal = async (name: string) => (await serverState()).personal.tags.find(t => t.name === name)

async function actAs(userId: string) {
  await page.locator('[data-testid="demo-member"]').selectOption(userId)
  await page.locator(`main[data-member="${userId}"]`).waitFor()
}

beforeAll(async () => {
  app = await startAppServer()
  browser = await launchBrowser()
  context = await newSidebarContext(browser)
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('the sidebar at 360 px with touch', () => {
  it('should show the customer with corporate and personal tags side by side as zhangsan', async () => {
    await page.goto(app.url)
    await expect.poll(() => page.locator('[data-testid="customer-name"]').textContent()).toBe('陈女士')
    expect(await page.locator('[data-testid="customer-company"]').textContent()).toBe('杭州青禾母婴')
    expect(await page.locator('[data-testid="demo-member"]').inputValue()).toBe('zhangsan')
    expect(await page.locator('[data-testid="demo-customer"]').inputValue()).toBe('wmDemo001')

    const corp = (await page.locator('[data-testid="corporate-pane"]').boundingBox())!
    const personal = (await page.locator('[data-testid="personal-pane"]').boundingBox())!
    expect(corp.x + corp.width).toBeLessThanOrEqual(personal.x + 1)
    expect(personal.x + personal.width).toBeLessThanOrEqual(361)
    expect(Math.abs(corp.y - personal.y)).toBeLessThan(2)
    expect(personal.y).toBeLessThan(740 / 2)

    expect(await selected(corpTag('A类'))).toBe('true')
    expect(await personalTag('爱砍价').textContent()).toContain('连续三次提到价格贵')
    expect(await personalTag('非工作日活跃').textContent()).toContain('周末晚上回消息最快')
    // The 3-level tree is indented below its parent.
    const pref = (await groupOf('消费偏好').boundingBox())!
    const milk = (await groupOf('奶粉段位').boundingBox())!
    expect(milk.x).toBeGreaterThan(pref.x)
    await screenshot(page, 'sidebar-1-zhangsan')
  })

  it('should replace A类 with B类 in the exclusive group and confirm before removing a tag', async () => {
    await expect.poll(() => groupOf('客户等级').textContent()).toContain('单选')
    await corpTag('B类').tap()
    await expect.poll(() => selected(corpTag('B类'))).toBe('true')
    expect(await selected(corpTag('A类'))).toBe('false')
    expect((await serverCorp('B类'))?.selected).toBe(true)
    expect((await serverCorp('A类'))?.selected).toBe(false)

    // Removing asks first; cancelling keeps the tag.
    await corpTag('华东').tap()
    const dialog = page.locator('.van-dialog', { hasText: '移除企业标签' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: '取消' }).tap()
    await dialog.waitFor({ state: 'hidden' })
    expect(await selected(corpTag('华东'))).toBe('true')

    await corpTag('华东').tap()
    await dialog.waitFor()
    await screenshot(page, 'sidebar-2-confirm-remove')
    await dialog.getByRole('button', { name: '移除' }).tap()
    await expect.poll(() => selected(corpTag('华东'))).toBe('false')
    expect((await serverCorp('华东'))?.selected).toBe(false)
  })

  it('should show locked and 售后部-only groups as read-only with the reason, and hide 广告渠道', async () => {
    expect(await page.getByText('广告渠道').count()).toBe(0)
    expect(await page.getByText('朋友圈').count()).toBe(0)
    const member = groupOf('会员等级')
    expect(await member.textContent()).toContain('只读')
    expect(await member.locator('.reason').textContent()).toMatch(/锁定/)
    const repair = groupOf('维修记录')
    expect(await repair.textContent()).toContain('只读')
    expect(await repair.locator('.reason').textContent()).toContain('售后部')

    // A tap on a read-only tag explains instead of toggling.
    await corpTag('金卡').tap()
    await page.locator('.van-toast', { hasText: '会员等级' }).waitFor()
    expect(await selected(corpTag('金卡'))).toBe('false')
    expect((await serverCorp('金卡'))?.selected).toBe(false)
    await screenshot(page, 'sidebar-3-read-only')
  })

  it('should never delete a corporate tag on long-press but say where to change it', async () => {
    const bType = corpTag('B类')
    await longPress(page, `[data-testid="corp-tag-${await idOf(bType)}"]`)
    const dialog = page.locator('.van-dialog', { hasText: '企业微信管理后台' })
    await dialog.waitFor()
    await screenshot(page, 'sidebar-4-corporate-long-press')
    await dialog.getByRole('button', { name: '知道了' }).tap()
    expect(await selected(bType)).toBe('true')
    expect((await serverCorp('B类'))?.selected).toBe(true)
  })

  it('should check a new personal tag name as it is typed, then add it with a note and edit the note', async () => {
    await page.locator('[data-testid="personal-add"]').tap()
    const name = page.locator('[data-testid="add-name"] input')
    const submit = page.locator('[data-testid="add-submit"]')

    await name.fill('高 意向')
    await page.locator('[data-testid="name-error-DUPLICATE"]').waitFor()
    expect(await submit.isDisabled()).toBe(true)

    await name.fill('爱@砍价')
    await page.locator('[data-testid="name-error-FORBIDDEN_CHAR"]').waitFor()
    expect(await submit.isDisabled()).toBe(true)

    await name.fill('重要客户')
    const vague = page.locator('[data-testid="name-warning-VAGUE"]')
    await vague.waitFor()
    expect(await vague.textContent()).toContain('属性_特征')

    await name.fill('意向高')
    await page.locator('[data-testid="name-warning-SIMILAR"]').waitFor()
    expect(await page.locator('[data-testid^="similar-personal-"]', { hasText: '高意向' }).count()).toBe(1)
    await screenshot(page, 'sidebar-5-name-check')

    await name.fill('周末到店_看样品')
    await expect.poll(() => submit.isDisabled()).toBe(false)
    await page.locator('[data-testid="add-note"] textarea').fill('说周六带家人来')
    await submit.tap()
    const chip = personalTag('周末到店_看样品')
    await expect.poll(() => selected(chip)).toBe('true')
    expect(await chip.textContent()).toContain('说周六带家人来')
    expect((await serverPersonal('周末到店_看样品'))?.note).toBe('说周六带家人来')

    // Tapping a selected personal tag edits its note.
    await chip.locator('.chip').tap()
    await page.locator('[data-testid="note-input"] textarea').fill('周六下午两点到店')
    await page.locator('[data-testid="note-save"]').tap()
    await expect.poll(() => chip.textContent()).toContain('周六下午两点到店')
    expect((await serverPersonal('周末到店_看样品'))?.note).toBe('周六下午两点到店')
  })

  it('should reveal delete after a long-press with visible progress, remove at once, and undo with the note', async () => {
    // The note sheet's overlay must be gone, or it takes the touch.
    await expect.poll(() => page.locator('.van-overlay:visible').count()).toBe(0)
    const chip = personalTag('爱砍价')
    const id = await idOf(chip)
    const box = (await chip.locator('.chip').boundingBox())!
    const cdp = await context.newCDPSession(page)
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
    await page.waitForTimeout(300)
    // Halfway through the hold the progress indicator is on screen and filling.
    const progress = page.locator(`[data-testid="press-progress-${id}"]`)
    expect(await progress.isVisible()).toBe(true)
    const scale = await progress.evaluate(el => Number((el as unknown as { style: { transform: string } }).style.transform.match(/scaleX\(([\d.]+)\)/)?.[1]))
    expect(scale).toBeGreaterThan(0.2)
    expect(scale).toBeLessThan(1)
    await screenshot(page, 'sidebar-6-long-press-progress')
    await page.waitForTimeout(500)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await cdp.detach()

    const del = page.locator(`[data-testid="personal-delete-${id}"]`)
    await del.waitFor()
    await del.tap()
    await expect.poll(() => selected(personalTag('爱砍价'))).toBe('false')
    expect(await personalTag('爱砍价').textContent()).not.toContain('连续三次提到价格贵')
    // The chip goes at once; the undo toast comes with the server's answer, so ask after it.
    await page.locator('[data-testid="undo-toast"]').waitFor()
    expect((await serverPersonal('爱砍价'))?.selected).toBe(false)
    await screenshot(page, 'sidebar-7-undo-toast')

    await page.locator('[data-testid="undo-button"]').tap()
    await expect.poll(() => selected(personalTag('爱砍价'))).toBe('true')
    expect(await personalTag('爱砍价').textContent()).toContain('连续三次提到价格贵')
    expect((await serverPersonal('爱砍价'))?.note).toBe('连续三次提到价格贵')
  })

  it('should show lisi zhangsan\'s corporate changes but none of zhangsan\'s personal tags', async () => {
    await actAs('lisi')
    await expect.poll(() => selected(corpTag('B类'))).toBe('true')
    expect(await selected(corpTag('A类'))).toBe('false')
    expect(await selected(corpTag('华东'))).toBe('false')
    expect(await selected(personalTag('高意向'))).toBe('true')
    for (const mine of ['爱砍价', '非工作日活跃', '周末到店_看样品'])
      expect(await page.locator('[data-testid="personal-pane"]').getByText(mine).count()).toBe(0)
    await screenshot(page, 'sidebar-8-lisi')
  })

  it('should show the server\'s current state on returning to the tab and when switching back', async () => {
    // A colleague (zhangsan, on another device) marks 华北 while lisi's page sits in the background.
    const other = await browser.newContext()
    const headers = { Origin: app.url }
    await other.request.post(`${app.url}/api/auth/demo`, { data: { userId: 'zhangsan' }, headers })
    const north = await idOf(corpTag('华北'))
    const res = await other.request.post(`${app.url}/api/customers/wmDemo001/corporate-tags`, { data: { add: [Number(north)] }, headers })
    expect(res.status()).toBe(200)
    await other.close()
    expect(await selected(corpTag('华北'))).toBe('false')

    // What the browser sends when the user comes back to this tab or app.
    await page.evaluate('window.dispatchEvent(new Event("focus"))')
    await expect.poll(() => selected(corpTag('华北'))).toBe('true')

    await actAs('zhangsan')
    await expect.poll(() => selected(personalTag('爱砍价'))).toBe('true')
    expect(await selected(corpTag('华北'))).toBe('true')
    expect(await personalTag('周末到店_看样品').textContent()).toContain('周六下午两点到店')
    await screenshot(page, 'sidebar-9-back-to-zhangsan')
  })

  it('should delete a personal tag from the library only after confirming, from every customer', async () => {
    // zhangsan has 非工作日活跃 on wmDemo001; the note sheet offers to delete it for good.
    await personalTag('非工作日活跃').locator('.chip').tap()
    await page.locator('[data-testid="note-delete-library"]').tap()
    await page.locator('.van-dialog').getByText('取消').tap()
    expect((await serverPersonal('非工作日活跃'))?.selected).toBe(true)

    await personalTag('非工作日活跃').locator('.chip').tap()
    await page.locator('[data-testid="note-delete-library"]').tap()
    await page.locator('.van-dialog').getByText('删除', { exact: true }).tap()
    await expect.poll(() => page.locator('[data-testid="personal-pane"]').getByText('非工作日活跃').count()).toBe(0)
    expect(await serverPersonal('非工作日活跃')).toBeUndefined()
    const library = await page.evaluate(async () => (await fetch('/api/personal-tags')).json() as Promise<{ tags: Array<{ name: string }> }>)
    expect(library.tags.map(t => t.name)).not.toContain('非工作日活跃')
  })
})
