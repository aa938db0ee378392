import type { MoveInput, NameIssue, SimilarTag } from '@app/shared'
import type { Catalog } from '../catalog.ts'
import { checkName } from '@app/shared'
import { AppError } from '../../lib/errors.ts'
import { groupPath } from '../catalog.ts'

/** Every live tag in the library, as similarity candidates (admins see everything). */
export function libraryTagPool(catalog: Catalog): SimilarTag[] {
  return catalog.groups.flatMap((g) => {
    const group = groupPath(catalog, g).join(' › ')
    return g.tags.map(tag => ({ id: tag.id, name: tag.name, kind: 'corporate' as const, group }))
  })
}

/** Every live group, as similarity candidates for group names. */
export function libraryGroupPool(catalog: Catalog): SimilarTag[] {
  return catalog.groups.map(g => ({ id: g.id, name: g.name, kind: 'corporate' as const, group: groupPath(catalog, g).slice(0, -1).join(' › ') || undefined }))
}

/**
 * Runs the shared name rules for a library write. A duplicate among `siblings` is a 409,
 * any other error a 422; the warnings (similar names anywhere in the library, a group
 * name too long for a phone) go back to the admin with the saved result.
 */
export function checkLibraryName(raw: string, opts: { target: 'tag' | 'group', siblings: SimilarTag[], pool: SimilarTag[] }): { name: string, warnings: NameIssue[] } {
  const result = checkName(raw, { target: opts.target, siblings: opts.siblings, pool: opts.pool })
  const duplicate = result.errors.find(e => e.code === 'DUPLICATE')
  if (duplicate) throw new AppError(409, 'DUPLICATE', duplicate.message, { similar: duplicate.similar })
  const first = result.errors[0]
  if (first) throw new AppError(422, 'NAME_INVALID', first.message, { errors: result.errors })
  return { name: result.name, warnings: result.warnings }
}

/** The sibling order after a move: one step up/down, or to an explicit position (clamped). */
export function reorder(ids: number[], id: number, move: MoveInput): number[] {
  const from = ids.indexOf(id)
  if (from < 0) return ids
  const rest = ids.filter(x => x !== id)
  let to = move.position ?? (move.direction === 'up' ? from - 1 : from + 1)
  to = Math.max(0, Math.min(rest.length, to))
  rest.splice(to, 0, id)
  return rest
}
