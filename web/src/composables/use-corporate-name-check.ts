import type { SimilarTag } from '@app/shared'
import type { Ref } from 'vue'
import { computed } from 'vue'
import { useNameCheck } from './use-name-check.ts'

/**
 * The proposal form's live check of a corporate tag name against a target group: the
 * shared rules at once, then the server's answer (duplicates in that group, similar
 * corporate tags anywhere the member can see). `groupId` null = a new group: only the
 * similarity part applies.
 */
export function useCorporateNameCheck(name: Ref<string>, groupId: Ref<number | null>) {
  const { result, checking } = useNameCheck(name, 'corporate', { groupId, immediate: true })
  /** Existing corporate tags the approver would see as alternatives (the duplicate first). */
  const similar = computed<SimilarTag[]>(() => [...result.value.errors, ...result.value.warnings]
    .flatMap(i => i.similar ?? []).filter(s => s.kind === 'corporate'))
  return { result, similar, checking }
}
