import type { NameCheckRequest, NameCheckResult, SimilarTag } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import { checkName } from '@app/shared'
import { and, eq, isNull } from 'drizzle-orm'
import * as t from '../db/schema.ts'
import { visibleGroups } from './access.ts'

/** The member's live personal tags as name-check candidates. */
export function personalPool(db: Db, ownerId: string): SimilarTag[] {
  return db.select({ id: t.personalTags.id, name: t.personalTags.name }).from(t.personalTags)
    .where(and(eq(t.personalTags.ownerId, ownerId), isNull(t.personalTags.retiredAt))).all()
    .map(r => ({ ...r, kind: 'personal' as const }))
}

/** Corporate tags the member can see (all of them for an admin), as name-check candidates. */
export function corporatePool(db: Db, viewer: Viewer): SimilarTag[] {
  return visibleGroups(db, viewer).flatMap(v => v.group.tags.map(tag => ({ id: tag.id, name: tag.name, kind: 'corporate' as const, group: v.path.join(' › ') })))
}

/**
 * DESIGN §3's checks with the server's knowledge: duplicates within the owner's library
 * (personal) or the group (corporate), similar names among corporate tags in scope and the
 * member's own personal tags. Someone else's personal tags are never revealed.
 */
export function checkTagName(db: Db, viewer: Viewer, req: NameCheckRequest): NameCheckResult {
  const personal = personalPool(db, viewer.userId)
  const corporate = corporatePool(db, viewer)
  const group = req.groupId === undefined ? undefined : visibleGroups(db, viewer).find(v => v.group.id === req.groupId)
  const siblings = req.kind === 'personal'
    ? personal
    : (group?.group.tags ?? []).map(tag => ({ id: tag.id, name: tag.name, kind: 'corporate' as const, group: group!.path.join(' › ') }))
  return checkName(req.name, {
    target: 'tag',
    siblings,
    pool: [...corporate, ...personal],
    self: req.tagId === undefined ? undefined : { id: req.tagId, kind: req.kind },
  })
}
