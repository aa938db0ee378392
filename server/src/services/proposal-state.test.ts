import type { ProposalStatus } from '@app/shared'
import { PROPOSAL_STATUSES } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { assertTransition, canTransition } from './proposal-state.ts'

// Every (from, to) pair: only a pending request moves, and only to a decision.
const allowed = new Set(['pending>approved', 'pending>rejected', 'pending>withdrawn'])

describe('the proposal state machine', () => {
  for (const from of PROPOSAL_STATUSES) {
    for (const to of PROPOSAL_STATUSES) {
      const ok = allowed.has(`${from}>${to}`)
      it(`should ${ok ? 'allow' : 'refuse'} ${from} → ${to}`, () => {
        expect(canTransition(from as ProposalStatus, to as ProposalStatus)).toBe(ok)
        if (ok) expect(() => assertTransition(from, to)).not.toThrow()
        else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ status: 409 }))
      })
    }
  }
})
