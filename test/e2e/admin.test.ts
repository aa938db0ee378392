import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserApp } from '../support/browser-app.ts'
import { screenshot } from '../support/browser.ts'

// Issue 4 in a real browser: the admin makes 区域 editable by 市场部 only (after reading the
// preview of who loses edit rights), and zhangsan's sidebar shows 区域 read-only with why.
const fixture = useBrowserApp()
const { pageAs } = fixture

const sidebarGroup = (page: Page, name: string) => page.locator('section.group', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })

describe('tag governance by the admin, end to end', () => {
  it('should let zhangsan edit 区域 before the change', async () => {
    const page = await pageAs('zhangsan', { path: '/' })
    await page.locator('main[data-member="zhangsan"][data-customer="wmDemo001"]').waitFor()
    await expect.poll(() => sidebarGroup(page, '区域').count()).toBe(1)
    expect(await sidebarGroup(page, '区域').locator('[data-testid^="group-readonly-"]').count()).toBe(0)
    await page.context().close()
  })

  it('should show the admin who loses edit rights before saving 区域\'s editors as 市场部 only', async () => {
    const page = await pageAs('admin', { path: '/admin', desktop: true })
    const region = page.locator('[data-testid^="admin-group-"]', { has: page.locator('.name', { hasText: /^区域$/ }) })
    await region.click()
    await page.waitForURL(/\/admin\/groups\/\d+$/)
    await page.locator('[data-testid="picker-editors-department-6"]').click()
    await page.locator('[data-testid="save-settings"]').click()
    const dialog = page.locator('.settings-preview-dialog')
    await dialog.waitFor()
    await expect.poll(() => dialog.textContent()).toContain('华东销售部 2 人将不能再编辑此标签组：张三、李四')
    await screenshot(page, 'admin-editors-preview')
    await dialog.getByRole('button', { name: '确认保存' }).click()
    await expect.poll(async () => (await page.locator('.van-toast').allTextContents()).join()).toContain('已保存')
    await page.goto(`${fixture.app.url}/admin`)
    await expect.poll(() => region.textContent()).toContain('仅市场部可编辑')
    await screenshot(page, 'admin-library-after')
    await page.context().close()
  })

  it('should show 区域 read-only with the reason in zhangsan\'s sidebar on its next load', async () => {
    const page = await pageAs('zhangsan', { path: '/' })
    await page.locator('main[data-member="zhangsan"][data-customer="wmDemo001"]').waitFor()
    const region = sidebarGroup(page, '区域')
    await region.waitFor()
    await expect.poll(() => region.locator('[data-testid^="group-readonly-"]').count()).toBe(1)
    expect(await region.locator('[data-testid^="group-reason-"]').textContent()).toBe('该标签组仅市场部可编辑')
    await region.scrollIntoViewIfNeeded()
    await screenshot(page, 'admin-sidebar-readonly')
    await page.context().close()
  })
})
