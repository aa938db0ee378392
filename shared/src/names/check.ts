import type { NameIssue, NameCheckResult, SimilarTag } from '../schemas/tag-names.ts'
import { LIMITS } from '../constants.ts'
import { findForbiddenChars } from './forbidden.ts'
import { cleanName, foldName, nameLength } from './normalize.ts'
import { findSimilar } from './similarity.ts'
import { isVagueName, VAGUE_HINT } from './vague.ts'

export interface NameCheckContext {
  /** 'group' names get the short-name warning; tags do not. */
  target?: 'tag' | 'group'
  /** Names a new one must not duplicate: the same group's tags, or the owner's personal tags. */
  siblings?: readonly SimilarTag[]
  /** Names to compare for similarity: corporate tags in scope and the owner's personal tags. */
  pool?: readonly SimilarTag[]
  /** The tag being renamed, so renaming a tag to itself is not a duplicate. */
  self?: { id: number, kind: SimilarTag['kind'] }
}

/**
 * The one implementation of DESIGN §3's name rules, run by the page as the user types and
 * by the server before every write. Errors refuse the name; warnings only advise.
 */
export function checkName(raw: string, ctx: NameCheckContext = {}): NameCheckResult {
  const name = cleanName(raw)
  const errors: NameIssue[] = []
  const warnings: NameIssue[] = []

  if (name.length === 0) {
    errors.push({ code: 'EMPTY', message: '名称不能为空' })
    return { valid: false, name, errors, warnings }
  }
  const forbidden = findForbiddenChars(name)
  if (forbidden.length > 0) {
    errors.push({ code: 'FORBIDDEN_CHAR', message: `名称不能包含 ${forbidden.join(' ')}（企业微信中会显示异常）`, chars: forbidden })
  }
  const length = nameLength(name)
  if (length > LIMITS.nameMaxLength) {
    errors.push({ code: 'TOO_LONG', message: `名称最多 ${LIMITS.nameMaxLength} 个字，当前 ${length} 个` })
  }
  else if (ctx.target === 'group' && length > LIMITS.groupNameWarnLength) {
    warnings.push({ code: 'LONG_NAME', message: `标签组名超过 ${LIMITS.groupNameWarnLength} 个字，在手机上可能显示不全` })
  }

  const key = foldName(name)
  const others = (list: readonly SimilarTag[] | undefined) => (list ?? []).filter(t => !(ctx.self && t.id === ctx.self.id && t.kind === ctx.self.kind))
  const duplicate = others(ctx.siblings).find(t => foldName(t.name) === key)
  if (duplicate) {
    errors.push({ code: 'DUPLICATE', message: `已有同名标签“${duplicate.name}”`, similar: [duplicate] })
  }
  const similar = findSimilar(name, others(ctx.pool), 5)
    .filter(t => !(duplicate && t.id === duplicate.id && t.kind === duplicate.kind))
    .map(({ score: _score, ...t }) => t)
  if (similar.length > 0) {
    warnings.push({ code: 'SIMILAR', message: `与已有标签相似：${similar.map(t => t.name).join('、')}，可直接选用`, similar })
  }
  if (isVagueName(name)) {
    warnings.push({ code: 'VAGUE', message: `“${name}”含义不明确。${VAGUE_HINT}` })
  }
  return { valid: errors.length === 0, name, errors, warnings }
}
