import type { ErrorBody, ErrorCode } from '@app/shared'
import type { AxiosError } from 'axios'
import axios from 'axios'

/** Every failed API call rejects with this: the server's `{error:{code,message}}`, typed. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

// A hand check instead of the shared zod schema: it keeps zod out of the first screen.
function errorBodyOf(data: unknown): ErrorBody['error'] | undefined {
  const error = (data as { error?: unknown } | null | undefined)?.error as Record<string, unknown> | undefined
  if (typeof error?.code === 'string' && typeof error.message === 'string') return error as ErrorBody['error']
  return undefined
}

/** Turns whatever axios rejected with into an ApiError, so callers handle one shape. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const ax = err as AxiosError | undefined
  const status = ax?.response?.status ?? 0
  const body = errorBodyOf(ax?.response?.data)
  if (body) return new ApiError(status, body.code, body.message, body.details)
  if (!ax?.response) return new ApiError(0, 'INTERNAL', '网络异常，请检查网络后重试')
  return new ApiError(status, status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', `请求失败（${status}）`)
}

export const http = axios.create({
  baseURL: '/api',
  withCredentials: true,
  timeout: 15_000,
  headers: { 'Content-Type': 'application/json' },
})

// Cancelled requests (a superseded name check) stay cancellations, not errors to show.
http.interceptors.response.use(res => res, err => Promise.reject(axios.isCancel(err) ? err : toApiError(err)))
