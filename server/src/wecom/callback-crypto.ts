import { decrypt, getSignature } from '@wecom/crypto'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export class CallbackRefused extends Error {
  constructor(readonly status: 400 | 403, message: string) {
    super(message)
  }
}

const parser = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: false })

/** `<xml>…</xml>` → its fields as strings; anything else is refused. */
export function parseXml(text: string): Record<string, string> {
  if (!text.trim() || XMLValidator.validate(text) !== true) throw new CallbackRefused(400, 'malformed xml')
  const doc = parser.parse(text)
  const xml = doc?.xml
  if (!xml || typeof xml !== 'object') throw new CallbackRefused(400, 'no <xml> root')
  return Object.fromEntries(Object.entries(xml).map(([k, v]) => [k, String(v)]))
}

export interface CallbackSecrets { token: string, aesKey: string, corpId: string }
export interface SignedQuery { msg_signature?: string, timestamp?: string, nonce?: string }

/**
 * Verifies WeCom's msg_signature over (token, timestamp, nonce, ciphertext), decrypts,
 * and checks the receive id is our corp: a message for another corp is refused even
 * when its signature is right.
 */
export function openEnvelope(secrets: CallbackSecrets, q: SignedQuery, ciphertext: string): string {
  if (!q.msg_signature || !q.timestamp || !q.nonce || !ciphertext) throw new CallbackRefused(400, 'missing signature parameters')
  if (getSignature(secrets.token, q.timestamp, q.nonce, ciphertext) !== q.msg_signature) throw new CallbackRefused(403, 'bad signature')
  let opened: { message: string, id: string }
  try {
    opened = decrypt(secrets.aesKey, ciphertext)
  }
  catch {
    throw new CallbackRefused(400, 'cannot decrypt')
  }
  if (opened.id !== secrets.corpId) throw new CallbackRefused(403, 'wrong corp id')
  return opened.message
}
