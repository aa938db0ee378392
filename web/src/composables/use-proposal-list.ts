import type { Proposal } from '@app/shared'
import { storeToRefs } from 'pinia'
import { onMounted, ref } from 'vue'
import { handleApiError } from '../api/handle-error.ts'
import { listProposals } from '../api/proposals.ts'
import { useProposalsStore } from '../stores/proposals.ts'
import { useSessionStore } from '../stores/session.ts'

/**
 * A proposals page's list. Opened directly (a reload, a shared link) the session may not
 * be started yet, so it starts it first; the header badges refresh with every load.
 */
export function useProposalList(view: 'mine' | 'queue', afterLoad?: (list: Proposal[]) => Promise<unknown> | void) {
  const session = useSessionStore()
  const { me } = storeToRefs(session)
  const proposals = ref<Proposal[]>([])
  const loading = ref(true)

  async function reload(): Promise<void> {
    loading.value = true
    try {
      proposals.value = (await listProposals(view)).proposals
      await afterLoad?.(proposals.value)
    }
    catch (err) {
      handleApiError(err)
    }
    finally {
      loading.value = false
      await useProposalsStore().refreshSummary()
    }
  }

  onMounted(async () => {
    if (!me.value) await session.start()
    await reload()
  })

  return { proposals, loading, reload }
}
