import { z } from 'zod'

/** Every error code the API can answer with; the web maps them to messages and toasts. */
export const ErrorCodes = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'PAYLOAD_TOO_LARGE',
  'RULE_VIOLATION',
  'GROUP_LOCKED',
  'GROUP_NOT_EDITABLE',
  'NAME_INVALID',
  'QUOTA_EXCEEDED',
  'DEMO_ONLY',
  'WECOM_ERROR',
  'BUSY',
  'INTERNAL',
] as const

export const errorCodeSchema = z.enum(ErrorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
