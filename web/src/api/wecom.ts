import { http } from './http.ts'

// The server's JS-SDK signature answer. It lives here until the server side publishes a
// shared schema for it; then this becomes `z.infer` of that schema.
export interface SignaturePart { timestamp: number | string, nonceStr: string, signature: string }
export interface JsSignature { corpId: string, agentId: string | number, corp: SignaturePart, agent: SignaturePart }

/** Signatures for `url` (the page's address without its #fragment, as WeCom signs it). */
export async function getJsSignature(url: string): Promise<JsSignature> {
  return (await http.get<JsSignature>('/wecom/js-signature', { params: { url } })).data
}
