import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from '@app/shared'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { AppError } from './errors.ts'

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'RULE_VIOLATION',
}

/** SQLite constraint failures that a client can cause: answer 409, not 500. */
function isConstraintError(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code
  return err instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
}

/** The database stayed locked past busy_timeout (another process's long write): retryable. */
function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/** The one error handler (STYLE §15): every failure leaves as `{"error":{code,message}}`. */
export function handleError(err: Error, c: Context) {
  const body = (status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) =>
    c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status)

  if (err instanceof AppError) return body(err.status, err.code, err.message, err.details)
  if (err instanceof ZodError) return body(400, 'VALIDATION_FAILED', err.issues[0]?.message ?? '请求格式不正确', err.issues)
  if (err instanceof HTTPException) {
    // Hono raises these for malformed JSON bodies and the like.
    const status = err.status as ContentfulStatusCode
    const message = status === 400 ? '请求体不是合法的 JSON' : err.message || '请求无法处理'
    return body(status, STATUS_CODES[status] ?? 'BAD_REQUEST', message)
  }
  if (isConstraintError(err)) return body(409, 'CONFLICT', '数据已被修改，请刷新后重试')
  if (isBusyError(err)) return body(503, 'BUSY', '服务器正忙，请稍后重试')
  console.error('[unhandled]', c.req.method, c.req.path, err)
  return body(500, 'INTERNAL', '服务器内部错误')
}
