import type { AccessPreview, AdminGroup, Directory, GroupSettingsInput } from '@app/shared'
import { ref } from 'vue'
import { getDirectory, previewGroupSettings, saveGroupSettings } from '../api/admin.ts'
import { handleApiError } from '../api/handle-error.ts'

/**
 * A group's scope/editors/lock/exclusive being edited. Saving is two steps on purpose: the
 * preview of who gains or loses access first, then the confirmed save.
 */
export function useGroupSettings() {
  const directory = ref<Directory | null>(null)
  const draft = ref<GroupSettingsInput>({ scope: [], editors: [], locked: false, exclusive: false })
  const preview = ref<AccessPreview | null>(null)

  async function load(group: AdminGroup) {
    draft.value = { scope: [...group.scope], editors: [...group.editors], locked: group.locked, exclusive: group.exclusive }
    preview.value = null
    try {
      directory.value ??= await getDirectory()
    }
    catch (err) {
      handleApiError(err)
    }
  }

  async function runPreview(groupId: number): Promise<boolean> {
    try {
      preview.value = await previewGroupSettings(groupId, draft.value)
      return true
    }
    catch (err) {
      handleApiError(err)
      return false
    }
  }

  async function save(groupId: number): Promise<boolean> {
    try {
      await saveGroupSettings(groupId, draft.value)
      preview.value = null
      return true
    }
    catch (err) {
      handleApiError(err)
      return false
    }
  }

  return { directory, draft, preview, load, runPreview, save }
}
