import type { CorporateDelta, CustomerTags } from '@app/shared'
import type { Ref } from 'vue'
import type { PersonalAssignment } from '../api/customers.ts'
import { onScopeDispose, ref, watch } from 'vue'
import { assignPersonalTag, changeCorporateTags, getCustomerTags, unassignPersonalTag } from '../api/customers.ts'
import { handleApiError } from '../api/handle-error.ts'
import { deletePersonalTag } from '../api/personal-tags.ts'

/**
 * Everything the sidebar shows for one customer, always as the server last confirmed it
 * (DESIGN §1: the server is the one source of truth). Refetched when the member or the
 * customer changes and whenever the page comes back into view, so changes made on another
 * device or by a colleague appear without a manual refresh.
 */
export function useCustomerTags(customerId: Ref<string | null>, memberId: Ref<string | undefined>) {
  const data = ref<CustomerTags | null>(null)
  const busy = ref(false)
  const failed = ref<string | null>(null)
  // Answers can arrive out of order (fast switching); only the newest request may land.
  let latest = 0

  async function refresh(): Promise<void> {
    const id = customerId.value
    if (!id || !memberId.value) return
    const mine = ++latest
    try {
      const answer = await getCustomerTags(id)
      if (mine === latest) {
        data.value = answer
        failed.value = null
      }
    }
    catch (err) {
      if (mine === latest) failed.value = handleApiError(err).message
    }
  }

  /** Runs a change; on refusal shows why and reloads, so the page never shows a guess. */
  async function mutate<R>(run: (id: string) => Promise<R>): Promise<R | undefined> {
    const id = customerId.value
    if (!id) return undefined
    busy.value = true
    try {
      return await run(id)
    }
    catch (err) {
      handleApiError(err)
      await refresh()
      return undefined
    }
    finally {
      busy.value = false
    }
  }

  async function changeCorporate(delta: CorporateDelta): Promise<boolean> {
    const next = await mutate(id => changeCorporateTags(id, delta))
    if (next) {
      ++latest
      data.value = next
    }
    return !!next
  }

  async function assignPersonal(tagId: number, note?: string | null): Promise<PersonalAssignment | undefined> {
    const done = await mutate(id => assignPersonalTag(id, tagId, note === undefined ? {} : { note }))
    if (done) await refresh()
    return done
  }

  /** Removes at once on screen (the user asked for it), then settles on the server's state. */
  async function unassignPersonal(tagId: number) {
    const tag = data.value?.personal.tags.find(t => t.id === tagId)
    if (tag) tag.selected = false
    const done = await mutate(id => unassignPersonalTag(id, tagId))
    if (done) await refresh()
    return done?.removed
  }

  /** Removes a personal tag from the member's library (and so from every customer). */
  async function deletePersonalFromLibrary(tagId: number) {
    const done = await mutate(() => deletePersonalTag(tagId))
    if (done) await refresh()
    return done?.removed
  }

  watch([customerId, memberId], () => {
    data.value = null
    refresh()
  }, { immediate: true })

  const onVisible = () => { if (document.visibilityState === 'visible') refresh() }
  window.addEventListener('focus', refresh)
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => {
    window.removeEventListener('focus', refresh)
    document.removeEventListener('visibilitychange', onVisible)
  })

  return { data, busy, failed, refresh, changeCorporate, assignPersonal, unassignPersonal, deletePersonalFromLibrary }
}
