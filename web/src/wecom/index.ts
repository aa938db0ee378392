import { loadDemoChoice } from './demo.ts'

export type Environment = 'wecom' | 'browser'

/** The WeCom client announces itself in the user agent as `wxwork/<version>`. */
export function detectEnvironment(userAgent: string = navigator.userAgent): Environment {
  return /wxwork\//i.test(userAgent) ? 'wecom' : 'browser'
}

/**
 * The external user id of the customer whose chat the sidebar sits next to. Inside WeCom
 * it comes from the JS-SDK, loaded only then so the demo never downloads it; in a plain
 * browser the demo bar's choice stands in.
 */
export async function getCurrentCustomer(env: Environment = detectEnvironment()): Promise<string> {
  if (env === 'wecom') {
    const { getExternalContactId } = await import('./jssdk.ts')
    return getExternalContactId()
  }
  return loadDemoChoice().externalUserId
}
