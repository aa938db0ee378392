import { z } from 'zod'

/** `GET /api/wecom/js-signature?url=` (live mode): what `ww.register` needs. */
export const jsSignatureQuerySchema = z.object({ url: z.url().max(2048) })

const signedSchema = z.object({ timestamp: z.number().int(), nonceStr: z.string(), signature: z.string() })

export const jsSignatureSchema = z.object({
  corpId: z.string(),
  agentId: z.number().int(),
  /** Signs with the corp jsapi_ticket (wx.config). */
  corp: signedSchema,
  /** Signs with the app's agent_config ticket (wx.agentConfig, needed by getCurExternalContact). */
  agent: signedSchema,
})
export type JsSignature = z.infer<typeof jsSignatureSchema>

/** One WeCom change that gave up after its retries (admin view). */
export const wecomFailureSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  userId: z.string().nullable(),
  externalUserId: z.string().nullable(),
  customerName: z.string().nullable(),
  payload: z.unknown(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
})
export type WecomFailure = z.infer<typeof wecomFailureSchema>
