import { storeToRefs } from 'pinia'
import { computed, onMounted, watch } from 'vue'
import { useSessionStore } from '../stores/session.ts'

/** Shell and page both ask for the session; only the first asks the server. */
let starting = false

/**
 * The admin pages' entry: starts the session like the sidebar does, and says whether the
 * member is an admin. In demo mode a non-admin can switch to the demo admin with one tap
 * (the server enforces the role on every call anyway).
 */
export function useAdminSession() {
  const session = useSessionStore()
  const { me, ready, mode, problem } = storeToRefs(session)
  const isAdmin = computed(() => me.value?.roles.includes('admin') ?? false)
  onMounted(() => {
    if (me.value || starting) return
    starting = true
    void session.start()
  })
  return { me, ready, mode, problem, isAdmin, actAsAdmin: () => session.actAs('admin') }
}

/** Runs `load` once the session is an admin's (at once if it already is): pages load their data with it. */
export function onAdminReady(load: () => unknown): void {
  const { ready, isAdmin } = useAdminSession()
  watch([ready, isAdmin], ([r, a]) => {
    if (r && a) void load()
  }, { immediate: true })
}
