import type { PersonalTagOnCustomer, ProposalSummary } from '@app/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { getProposalSummary } from '../api/proposals.ts'

/**
 * Promotion state shared across pages: the header badges (requests waiting for this
 * approver, decisions the proposer has not seen) and which personal tag the proposal form
 * is open for, so any pane can open the one form the sidebar mounts.
 */
export const useProposalsStore = defineStore('proposals', () => {
  const summary = ref<ProposalSummary>({ pendingToDecide: 0, unseenDecisions: 0 })
  const formTag = ref<PersonalTagOnCustomer | null>(null)
  const formOpen = ref(false)

  async function refreshSummary(): Promise<void> {
    try {
      summary.value = await getProposalSummary()
    }
    catch (err) {
      // A badge is a hint; the pages themselves report failures.
      console.warn('proposal summary failed', err)
    }
  }

  function openForm(tag: PersonalTagOnCustomer): void {
    formTag.value = tag
    formOpen.value = true
  }

  return { summary, formTag, formOpen, refreshSummary, openForm }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProposalsStore, import.meta.hot))
