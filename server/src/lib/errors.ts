import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from '@app/shared'
import { HTTPException } from 'hono/http-exception'

/** An error the client should see as `{"error":{code,message}}` with this status. */
export class AppError extends HTTPException {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(status, { message })
    this.code = code
    this.details = details
  }
}

export const notFound = (message = '不存在或无权访问') => new AppError(404, 'NOT_FOUND', message)
export const forbidden = (message = '没有权限') => new AppError(403, 'FORBIDDEN', message)
export const ruleBroken = (message: string, details?: unknown) => new AppError(422, 'RULE_VIOLATION', message, details)
