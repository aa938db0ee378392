import { showNotify, showToast } from 'vant'
import { ApiError, toApiError } from './http.ts'
import 'vant/es/toast/style'
import 'vant/es/notify/style'

/**
 * The one place an API failure reaches the user (STYLE §29): refusals the user can act
 * on (403/404/409/422) as a toast with the server's own message, the rest as a notify bar.
 */
export function handleApiError(err: unknown): ApiError {
  const e = toApiError(err)
  if (e.code === 'INTERNAL' || e.status === 0 || e.status >= 500) showNotify({ type: 'danger', message: e.message })
  else showToast({ message: e.message, wordBreak: 'break-word' })
  return e
}
