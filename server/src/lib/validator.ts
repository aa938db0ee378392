import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { zValidator as zv } from '@hono/zod-validator'
import { AppError } from './errors.ts'

/**
 * zod-validator that fails with our error shape (STYLE §13): a 400 naming the first
 * problem, the full list in `details`. Malformed JSON is caught by onError as a 400 too.
 */
export function zValidator<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zv(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map(i => ({ path: i.path.join('.'), message: i.message }))
      const first = issues[0]
      const where = first?.path ? `${first.path}: ` : ''
      throw new AppError(400, 'VALIDATION_FAILED', `请求格式不正确：${where}${first?.message ?? ''}`, issues)
    }
  })
}
