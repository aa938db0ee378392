import type { NameCheckResult, SimilarTag } from '@app/shared'
import type { Ref } from 'vue'
import { checkName } from '@app/shared'
import axios from 'axios'
import { computed, onScopeDispose, ref, watch } from 'vue'
import { checkTagName } from '../api/tag-names.ts'

const DEBOUNCE_MS = 250

/**
 * The proposal form's live check of a corporate tag name against a target group: the
 * shared rules at once, then the server's answer (duplicates in that group, similar
 * corporate tags anywhere the member can see). `groupId` null = a new group: only the
 * similarity part applies.
 */
export function useCorporateNameCheck(name: Ref<string>, groupId: Ref<number | null>) {
  const remote = ref<{ key: string, result: NameCheckResult } | null>(null)
  const checking = ref(false)
  const key = computed(() => `${groupId.value ?? 'new'}:${name.value}`)
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined

  const local = computed(() => checkName(name.value))
  const result = computed(() => remote.value?.key === key.value ? remote.value.result : local.value)
  /** Existing corporate tags the approver would see as alternatives (the duplicate first). */
  const similar = computed<SimilarTag[]>(() => [...result.value.errors, ...result.value.warnings]
    .flatMap(i => i.similar ?? []).filter(s => s.kind === 'corporate'))

  async function ask(forKey: string) {
    inFlight?.abort()
    const ctrl = new AbortController()
    inFlight = ctrl
    try {
      const answer = await checkTagName({ name: name.value, kind: 'corporate', groupId: groupId.value ?? undefined }, ctrl.signal)
      if (!ctrl.signal.aborted) remote.value = { key: forKey, result: answer }
    }
    catch (err) {
      if (!axios.isCancel(err)) console.warn('name check failed', err)
    }
    finally {
      if (inFlight === ctrl) checking.value = false
    }
  }

  watch(key, (k) => {
    clearTimeout(timer)
    if (!local.value.valid) {
      inFlight?.abort()
      checking.value = false
      return
    }
    checking.value = true
    timer = setTimeout(() => ask(k), DEBOUNCE_MS)
  }, { immediate: true })

  onScopeDispose(() => {
    clearTimeout(timer)
    inFlight?.abort()
  })

  return { result, similar, checking }
}
