import { describe, expect, it } from 'vitest'
import { useBrowserApp } from '../support/browser-app.ts'
import { screenshot } from '../support/browser.ts'

// Issue 3 step 5: an admin hands zhangsan's customer to zhouba, who then sees zhangsan's
// personal tag and note on it, attributed.
const { pageAs } = useBrowserApp()

describe('handover in the browser', () => {
  it('should carry zhangsan\'s personal tag and note to zhouba, attributed, and change nothing the second time', async () => {
    const admin = await pageAs('admin', { customer: 'wmDemo001', path: '/admin/handover' })
    await admin.locator('[data-testid="handover-from"] input').fill('zhangsan')
    await admin.locator('[data-testid="handover-to"] input').fill('zhouba')
    await admin.locator('[data-testid="handover-customers"] textarea').fill('wmDemo002')
    await admin.locator('[data-testid="handover-submit"]').tap()
    const result = admin.locator('[data-testid="handover-result"]')
    await expect.poll(() => result.textContent()).toContain('已转移跟进关系1')
    await screenshot(admin, 'handover-1-admin')
    await admin.locator('[data-testid="handover-submit"]').tap()
    await expect.poll(() => result.textContent()).toContain('原负责人未跟进（或已交接过）1')
    expect(await result.textContent()).toContain('带过去的个人标签备注0')
    await admin.context().close()

    const zhouba = await pageAs('zhouba', { customer: 'wmDemo002' })
    const chip = zhouba.locator('[data-testid^="personal-tag-"]', { hasText: '高意向' }).first()
    await expect.poll(() => chip.textContent()).toContain('来自 张三')
    expect(await chip.textContent()).toContain('主动问了到货时间')
    await screenshot(zhouba, 'handover-2-new-owner')
    await zhouba.context().close()
  })
})
