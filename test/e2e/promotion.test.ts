import type { ProposalList } from '@app/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserApp } from '../support/browser-app.ts'
import { screenshot } from '../support/browser.ts'

// Issue 3 in a real browser: zhangsan proposes 高意向, wangwu approves with migration of
// every member's same-name tag, and both zhangsan and lisi find the corporate tag.
const fixture = useBrowserApp()

/** A sidebar as `userId`, in the chat with `customer` (the demo bar's saved choice). */
async function sidebarAs(userId: string, customer: string): Promise<Page> {
  const page = await fixture.pageAs(userId, { customer })
  await page.locator(`main[data-member="${userId}"][data-customer="${customer}"]`).waitFor()
  return page
}

const corpTag = (page: Page, name: string) => page.locator('[data-testid^="corp-tag-"]', { hasText: name }).first()
const personalTag = (page: Page, name: string) => page.locator('[data-testid^="personal-tag-"]', { hasText: name }).first()

async function openProposalForm(page: Page, tagName: string) {
  await personalTag(page, tagName).locator('.chip').tap()
  await page.locator('[data-testid="note-promote"]').tap()
  await page.locator('[data-testid="proposal-sheet"]').waitFor()
}

async function fillAndSubmit(page: Page) {
  await page.locator('[data-testid="proposal-mode-new"]').tap()
  await page.locator('[data-testid="proposal-new-group"] input').fill('购买意向')
  await page.locator('[data-testid="proposal-reason"] textarea').fill('我和李四都在用，报表需要统计')
  const submit = page.locator('[data-testid="proposal-submit"]')
  await expect.poll(() => submit.isDisabled()).toBe(false)
  await submit.tap()
}

describe('promotion of a personal tag, end to end', () => {
  let proposalId: number

  it('should let zhangsan propose 高意向 with its customer count, and refuse a second request', async () => {
    const page = await sidebarAs('zhangsan', 'wmDemo002')
    await openProposalForm(page, '高意向')
    await expect.poll(() => page.locator('[data-testid="proposal-count"]').textContent()).toContain('3 位客户')
    expect(await page.locator('[data-testid="proposal-name"] input').inputValue()).toBe('高意向')
    await fillAndSubmit(page)
    await page.locator('.van-toast', { hasText: '已提交升级申请' }).waitFor()

    const mine = await page.evaluate(async () => (await fetch('/api/proposals?view=mine')).json()) as ProposalList
    expect(mine.proposals).toHaveLength(1)
    proposalId = mine.proposals[0]!.id

    await page.locator('[data-testid="proposal-sheet"]').waitFor({ state: 'hidden' })
    await openProposalForm(page, '高意向')
    await fillAndSubmit(page)
    await page.locator('.van-toast', { hasText: '已有一个待审批的升级申请' }).waitFor()
    await page.context().close()
  })

  it('should show wangwu a badge and the request, and approve it with migration of everyone\'s 高意向', async () => {
    const page = await sidebarAs('wangwu', 'wmDemo005')
    await expect.poll(() => page.locator('[data-testid="badge-pending"]').textContent()).toContain('1')
    await page.locator('[data-testid="link-approvals"]').tap()
    const card = page.locator(`[data-testid="proposal-${proposalId}"]`)
    await card.waitFor()
    expect(await card.textContent()).toContain('张三')
    expect(await card.textContent()).toContain('另有 1 位同事的同名标签，共 2 位客户')
    await screenshot(page, 'promotion-1-approver-queue')

    await page.locator(`[data-testid="decide-${proposalId}"]`).tap()
    await page.locator('[data-testid="decision-sheet"]').waitFor()
    await page.locator('[data-testid="scope-all"]').tap()
    await page.locator('[data-testid="decide-submit"]').tap()
    await page.locator('.van-toast', { hasText: '5 位客户加上了企业标签' }).waitFor()
    await page.locator('[data-testid="queue-empty"]').waitFor()
    await page.context().close()
  })

  it('should give zhangsan the corporate tag and tell them the outcome', async () => {
    const page = await sidebarAs('zhangsan', 'wmDemo002')
    await expect.poll(() => corpTag(page, '高意向').getAttribute('data-selected')).toBe('true')
    await expect.poll(() => page.locator('[data-testid="badge-decisions"]').textContent()).toContain('1')
    await screenshot(page, 'promotion-2-zhangsan-sidebar')
    await page.locator('[data-testid="link-my-proposals"]').tap()
    const card = page.locator(`[data-testid="proposal-${proposalId}"]`)
    await expect.poll(() => card.getAttribute('data-status')).toBe('approved')
    expect(await card.locator('[data-testid="proposal-decision"]').textContent()).toContain('购买意向 › 高意向')
    await screenshot(page, 'promotion-3-my-proposals')
    await page.context().close()
  })

  it('should give lisi the corporate tag on her customers too', async () => {
    for (const customer of ['wmDemo012', 'wmDemo001']) {
      const page = await sidebarAs('lisi', customer)
      await expect.poll(() => corpTag(page, '高意向').getAttribute('data-selected')).toBe('true')
      if (customer === 'wmDemo012') await screenshot(page, 'promotion-4-lisi-sidebar')
      await page.context().close()
    }
  })
})
