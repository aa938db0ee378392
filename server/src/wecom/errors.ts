import { AppError } from '../lib/errors.ts'
import { WecomError } from './client.ts'

/** Turns a failed WeCom call met while answering a request into a 502 the page can show. */
export function wecomFailed(err: unknown): never {
  if (err instanceof WecomError) throw new AppError(502, 'WECOM_ERROR', `企业微信接口暂时不可用（${err.errcode}），请稍后重试`)
  throw err
}
