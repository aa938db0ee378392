import type { Me } from '@app/shared'
import type { Environment } from '../wecom/index.ts'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { demoLogin, getHealth, getMe } from '../api/auth.ts'
import { ApiError } from '../api/http.ts'
import { loadDemoChoice, saveDemoChoice } from '../wecom/demo.ts'
import { detectEnvironment, getCurrentCustomer } from '../wecom/index.ts'

export type AppMode = 'demo' | 'live'

/** Who acts, in which mode, next to which customer: the state every page shares. */
export const useSessionStore = defineStore('session', () => {
  const env = ref<Environment>(detectEnvironment())
  const mode = ref<AppMode | null>(null)
  const me = ref<Me | null>(null)
  const customerId = ref<string | null>(null)
  const ready = ref(false)
  /** Why the page cannot show a customer (wrong entry, no session…), for the user. */
  const problem = ref<string | null>(null)

  const showDemoBar = computed(() => mode.value === 'demo' && env.value === 'browser')

  function goToWeComLogin() {
    const redirect = location.pathname + location.search
    location.assign(`/auth/wecom/login?redirect=${encodeURIComponent(redirect)}`)
  }

  async function loadMeOrLogin(): Promise<void> {
    try {
      me.value = await getMe()
    }
    catch (err) {
      if (err instanceof ApiError && err.status === 401 && mode.value === 'live') return goToWeComLogin()
      throw err
    }
  }

  async function start(): Promise<void> {
    ready.value = false
    problem.value = null
    try {
      mode.value = (await getHealth()).mode
      if (showDemoBar.value) {
        const choice = loadDemoChoice()
        me.value = await demoLogin({ userId: choice.userId })
        customerId.value = choice.externalUserId
      }
      else if (env.value === 'wecom') {
        await loadMeOrLogin()
        customerId.value = await getCurrentCustomer('wecom')
      }
      else {
        await loadMeOrLogin()
        problem.value = '请在企业微信中，从与客户的聊天侧边栏打开本页'
      }
    }
    catch (err) {
      problem.value = err instanceof Error ? err.message : String(err)
    }
    finally {
      ready.value = true
    }
  }

  /** Demo bar: act as another member. Everything the page shows is refetched for them. */
  async function actAs(userId: string): Promise<void> {
    me.value = await demoLogin({ userId })
    saveDemoChoice({ userId, externalUserId: customerId.value ?? loadDemoChoice().externalUserId })
  }

  /** Demo bar: "open the chat" with another customer. */
  function pickCustomer(externalUserId: string): void {
    customerId.value = externalUserId
    saveDemoChoice({ userId: me.value?.userId ?? loadDemoChoice().userId, externalUserId })
  }

  return { env, mode, me, customerId, ready, problem, showDemoBar, start, actAs, pickCustomer }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
