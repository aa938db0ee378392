import type { LibraryTree, LibraryWriteResult } from '@app/shared'
import { showDialog, showToast } from 'vant'
import { ref } from 'vue'
import { getLibrary } from '../api/admin.ts'
import { handleApiError } from '../api/handle-error.ts'

/** The admin's copy of the tag library, and one way to run a write: errors toasted, warnings shown, then reload. */
export function useLibrary() {
  const tree = ref<LibraryTree | null>(null)

  async function reload() {
    try {
      tree.value = await getLibrary()
    }
    catch (err) {
      handleApiError(err)
    }
  }

  /** Runs a write; similar-name and long-name warnings are shown after saving (warned, never refused). */
  async function write<T>(action: () => Promise<T>, done = '已保存'): Promise<T | undefined> {
    try {
      const result = await action()
      const warnings = (result as Partial<LibraryWriteResult> | undefined)?.warnings ?? []
      if (warnings.length > 0) await showDialog({ title: '已保存，请留意', message: warnings.map(w => w.message).join('\n') })
      else showToast(done)
      await reload()
      return result
    }
    catch (err) {
      handleApiError(err)
      return undefined
    }
  }

  return { tree, reload, write }
}
