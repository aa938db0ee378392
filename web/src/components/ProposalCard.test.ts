import type { Proposal } from '@app/shared'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProposalCard from './ProposalCard.vue'

const proposal = (over: Partial<Proposal> = {}): Proposal => ({
  id: 7,
  status: 'pending',
  proposer: { userId: 'zhangsan', name: '张三' },
  personalTag: { id: 3, name: '高意向', retired: false },
  proposedName: '高意向',
  targetGroup: null,
  newGroupName: '购买意向',
  reason: '三个人都在用',
  customerCount: 3,
  sameName: { members: 1, customers: 2 },
  similar: [{ id: 40, name: '意向高', kind: 'corporate', group: '客户意向' }],
  createdAt: Date.UTC(2026, 0, 5, 8, 0),
  decidedBy: null,
  decidedAt: null,
  decision: null,
  decisionReason: null,
  resultTag: null,
  migrateScope: null,
  retirePersonal: null,
  migratedCount: null,
  unseen: false,
  canDecide: true,
  ...over,
})

describe('ProposalCard', () => {
  it('should show what the approver needs: proposer, target, counts, reason and similar corporate tags', () => {
    const text = mount(ProposalCard, { props: { proposal: proposal() } }).text()
    expect(text).toContain('待审批')
    expect(text).toContain('张三')
    expect(text).toContain('新标签组“购买意向”')
    expect(text).toContain('另有 1 位同事的同名标签，共 2 位客户')
    expect(text).toContain('三个人都在用')
    expect(text).toContain('客户意向 › 意向高')
  })

  it('should tell the proposer the outcome of an approval, marked as new', () => {
    const w = mount(ProposalCard, {
      props: {
        proposal: proposal({
          status: 'approved',
          decision: 'create',
          decidedBy: { userId: 'wangwu', name: '王五' },
          resultTag: { id: 99, name: '高意向', group: '购买意向' },
          migratedCount: 5,
          unseen: true,
        }),
      },
    })
    expect(w.get('[data-testid="proposal-7"]').attributes('data-status')).toBe('approved')
    expect(w.get('[data-testid="proposal-decision"]').text()).toBe('王五 创建了企业标签“购买意向 › 高意向”，已为 5 位客户加上')
    expect(w.text()).toContain('新')
  })

  it('should give the rejection reason', () => {
    const w = mount(ProposalCard, { props: { proposal: proposal({ status: 'rejected', decision: 'reject', decidedBy: { userId: 'wangwu', name: '王五' }, decisionReason: '已有类似标签' }) } })
    expect(w.get('[data-testid="proposal-decision"]').text()).toBe('王五 驳回：已有类似标签')
  })
})
