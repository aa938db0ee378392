import type { JsSignature } from '@app/shared'
import { http } from './http.ts'

/** Signatures for `url` (the page's address without its #fragment, as WeCom signs it). */
export async function getJsSignature(url: string): Promise<JsSignature> {
  return (await http.get<JsSignature>('/wecom/js-signature', { params: { url } })).data
}

/** Live mode: put this customer's failed WeCom changes back in the queue. */
export async function retryCustomerSync(externalUserId: string): Promise<{ retried: number }> {
  return (await http.post<{ retried: number }>(`/customers/${encodeURIComponent(externalUserId)}/sync/retry`, {})).data
}
