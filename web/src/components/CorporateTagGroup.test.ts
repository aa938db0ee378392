import type { CorporateGroup } from '@app/shared'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CorporateTagGroup from './CorporateTagGroup.vue'

const group = (over: Partial<CorporateGroup> = {}): CorporateGroup => ({
  id: 1, name: '客户等级', path: ['客户等级'], parentId: null, depth: 0, locked: false, exclusive: true,
  editable: true, reasonCode: null, reason: null,
  tags: [{ id: 11, name: 'A类', selected: true }, { id: 12, name: 'B类', selected: false }],
  ...over,
})

describe('CorporateTagGroup', () => {
  it('should mark the selected tags and hint that an exclusive group takes one', () => {
    const w = mount(CorporateTagGroup, { props: { group: group(), busy: false } })
    expect(w.get('[data-testid="corp-tag-11"]').attributes('aria-pressed')).toBe('true')
    expect(w.get('[data-testid="corp-tag-12"]').attributes('aria-pressed')).toBe('false')
    expect(w.get('[data-testid="group-exclusive-1"]').text()).toBe('单选')
    expect(w.find('[data-testid="group-readonly-1"]').exists()).toBe(false)
  })

  it('should say why a read-only group cannot be changed', () => {
    const w = mount(CorporateTagGroup, { props: { group: group({ id: 8, name: '会员等级', exclusive: false, locked: true, editable: false, reasonCode: 'LOCKED', reason: '已锁定，仅管理员可修改' }), busy: false } })
    expect(w.get('[data-testid="group-readonly-8"]').text()).toContain('只读')
    expect(w.get('[data-testid="group-reason-8"]').text()).toBe('已锁定，仅管理员可修改')
  })

  it('should pass a tap on a tag up to the pane, which decides what it means', async () => {
    const w = mount(CorporateTagGroup, { props: { group: group(), busy: false } })
    await w.get('[data-testid="corp-tag-12"]').trigger('click')
    expect(w.emitted('tap')?.[0]?.[0]).toMatchObject({ id: 12, name: 'B类' })
  })

  it('should indent a nested group by its depth', () => {
    const w = mount(CorporateTagGroup, { props: { group: group({ id: 6, name: '奶粉段位', depth: 2, parentId: 5, path: ['消费偏好', '母婴类', '奶粉段位'] }), busy: false } })
    expect(w.get('[data-testid="group-6"]').attributes('style')).toContain('margin-left: 20px')
  })
})
