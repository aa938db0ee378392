import type { JsSignature } from '@app/shared'
import { http } from './http.ts'

/** Signatures for `url` (the page's address without its #fragment, as WeCom signs it). */
export async function getJsSignature(url: string): Promise<JsSignature> {
  return (await http.get<JsSignature>('/wecom/js-signature', { params: { url } })).data
}
