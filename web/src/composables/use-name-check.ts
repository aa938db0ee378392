import type { NameCheckResult, TagKind } from '@app/shared'
import type { Ref } from 'vue'
import { checkName } from '@app/shared'
import axios from 'axios'
import { computed, onScopeDispose, ref, watch } from 'vue'
import { checkTagName } from '../api/tag-names.ts'

const DEBOUNCE_MS = 250

/**
 * The name rules as the user types: the shared `checkName` answers at once (empty,
 * forbidden characters, length, vague), the server answers shortly after with what needs
 * the data (duplicates, similar tags). The server's answer wins once it is for this name.
 */
export function useNameCheck(name: Ref<string>, kind: TagKind = 'personal', opts: { groupId?: Ref<number | null>, immediate?: boolean } = {}) {
  const remote = ref<{ key: string, result: NameCheckResult } | null>(null)
  const checking = ref(false)
  // A corporate name is checked against a group: the answer belongs to both.
  const key = computed(() => `${opts.groupId?.value ?? ''}:${name.value}`)
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined

  const local = computed(() => checkName(name.value))
  const result = computed<NameCheckResult>(() =>
    remote.value && remote.value.key === key.value ? remote.value.result : local.value)
  const blocked = computed(() => !result.value.valid || checking.value)

  async function askServer(forKey: string) {
    inFlight?.abort()
    const ctrl = new AbortController()
    inFlight = ctrl
    try {
      const answer = await checkTagName({ name: name.value, kind, groupId: opts.groupId?.value ?? undefined }, ctrl.signal)
      if (!ctrl.signal.aborted) remote.value = { key: forKey, result: answer }
    }
    catch (err) {
      // A superseded check is expected; anything else leaves the local verdict standing.
      if (!axios.isCancel(err)) console.warn('name check failed', err)
    }
    finally {
      if (inFlight === ctrl) checking.value = false
    }
  }

  watch(key, (value) => {
    clearTimeout(timer)
    // Locally refused names need no server round trip.
    if (!local.value.valid) {
      inFlight?.abort()
      checking.value = false
      return
    }
    checking.value = true
    timer = setTimeout(() => askServer(value), DEBOUNCE_MS)
  }, { immediate: opts.immediate ?? false })

  onScopeDispose(() => {
    clearTimeout(timer)
    inFlight?.abort()
  })

  return { result, checking, blocked }
}
