import type { AdminGroup, LibraryTree } from '@app/shared'
import type { Db } from '../../db/client.ts'
import type { Catalog, CatalogGroup } from '../catalog.ts'
import { LIMITS } from '@app/shared'
import { sql } from 'drizzle-orm'
import { describeRules } from '../access.ts'
import { getCatalog, groupPath } from '../catalog.ts'

/** How many customers carry each tag (all, or just `tagIds`): one pass over the tag index. */
export function customerCountsByTag(db: Db, tagIds?: number[]): Map<number, number> {
  const where = tagIds ? sql`where tag_id in (${sql.join(tagIds.length ? tagIds : [-1], sql`, `)})` : sql``
  const rows = db.all<{ tagId: number, n: number }>(sql`select tag_id as tagId, count(*) as n from customer_corp_tags ${where} group by tag_id`)
  return new Map(rows.map(r => [r.tagId, r.n]))
}

export function toAdminGroup(catalog: Catalog, g: CatalogGroup, counts: Map<number, number>): AdminGroup {
  const path = groupPath(catalog, g)
  return {
    id: g.id,
    name: g.name,
    parentId: g.parentId,
    path,
    depth: path.length - 1,
    sortOrder: g.sortOrder,
    locked: g.locked,
    exclusive: g.exclusive,
    scope: g.scope,
    editors: g.editors,
    scopeText: g.scope.length === 0 ? '全员可见' : `仅${describeRules(catalog, g.scope)}可见`,
    editorsText: g.locked ? '已锁定，仅管理员可编辑' : g.editors.length === 0 ? '可见者均可编辑' : `仅${describeRules(catalog, g.editors)}可编辑`,
    tagCount: g.tags.length,
    tags: g.tags.map(t => ({ id: t.id, name: t.name, sortOrder: t.sortOrder, customerCount: counts.get(t.id) ?? 0 })),
  }
}

/** The whole library as the admin tree shows it: groups depth-first, each with tag and customer counts. */
export function getLibraryTree(db: Db): LibraryTree {
  const catalog = getCatalog(db)
  const counts = customerCountsByTag(db)
  return {
    groups: catalog.groups.map(g => toAdminGroup(catalog, g, counts)),
    quota: { used: catalog.groups.length, max: LIMITS.maxGroups },
  }
}
