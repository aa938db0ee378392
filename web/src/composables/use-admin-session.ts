import { storeToRefs } from 'pinia'
import { computed, onMounted } from 'vue'
import { useSessionStore } from '../stores/session.ts'

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
    if (!me.value) void session.start()
  })
  return { me, ready, mode, problem, isAdmin, actAsAdmin: () => session.actAs('admin') }
}
