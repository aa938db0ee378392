import type { Db } from '../db/client.ts'
import { asc, isNull } from 'drizzle-orm'
import * as t from '../db/schema.ts'

export interface AccessRule { targetType: 'department' | 'member' | 'role', targetId: string }

export interface CatalogTag { id: number, name: string, sortOrder: number, wecomId: string | null }

export interface CatalogGroup {
  id: number
  name: string
  parentId: number | null
  sortOrder: number
  locked: boolean
  exclusive: boolean
  wecomId: string | null
  scope: AccessRule[]
  editors: AccessRule[]
  tags: CatalogTag[]
}

export interface Catalog {
  version: number
  /** Live groups in display order: depth-first through the tree, siblings by sortOrder. */
  groups: CatalogGroup[]
  groupsById: Map<number, CatalogGroup>
  /** Live tag id → its group. */
  tagGroup: Map<number, CatalogGroup>
  departments: Map<number, { id: number, name: string, parentId: number | null }>
  memberNames: Map<string, string>
  /** Per-catalog memo for derived data (viewers, their group views); dropped with the catalog. */
  memo: Map<string, unknown>
}

/**
 * The corporate tag library and org chart, read once and kept in memory until something
 * changes them. The sidebar's hot path then costs one indexed read of the customer's
 * assignments instead of re-reading 300 groups per request.
 *
 * Staleness is ruled out by the database itself: triggers bump `cache_versions.catalog`
 * on every write to groups, tags, access rules, departments, members and roles (migration
 * cache_version_triggers), and each read compares it with the version the cache was built
 * at. A change made by another server process or a script is therefore seen at once.
 * `invalidateCatalog` only drops this process's copy early.
 */
const cache = new WeakMap<Db, Catalog>()
const versionReaders = new WeakMap<Db, () => number>()

function storedVersion(db: Db): number {
  let read = versionReaders.get(db)
  if (!read) {
    const stmt = db.$client.prepare(`select version from cache_versions where key = 'catalog'`).pluck()
    read = () => (stmt.get() as number | undefined) ?? 0
    versionReaders.set(db, read)
  }
  return read()
}

export function invalidateCatalog(db: Db): void {
  cache.delete(db)
}

export function getCatalog(db: Db): Catalog {
  const version = storedVersion(db)
  const hit = cache.get(db)
  if (hit && hit.version === version) return hit
  const catalog = loadCatalog(db, version)
  cache.set(db, catalog)
  return catalog
}

function loadCatalog(db: Db, version: number): Catalog {
  const groupRows = db.select().from(t.tagGroups).where(isNull(t.tagGroups.deletedAt)).orderBy(asc(t.tagGroups.sortOrder), asc(t.tagGroups.id)).all()
  const tagRows = db.select().from(t.corpTags).where(isNull(t.corpTags.deletedAt)).orderBy(asc(t.corpTags.sortOrder), asc(t.corpTags.id)).all()
  const accessRows = db.select().from(t.groupAccess).all()

  const byId = new Map<number, CatalogGroup>()
  for (const g of groupRows) {
    byId.set(g.id, {
      id: g.id,
      name: g.name,
      parentId: g.parentId,
      sortOrder: g.sortOrder,
      locked: g.locked,
      exclusive: g.exclusive,
      wecomId: g.wecomId,
      scope: [],
      editors: [],
      tags: [],
    })
  }
  for (const a of accessRows) {
    const g = byId.get(a.groupId)
    if (g) (a.kind === 'scope' ? g.scope : g.editors).push({ targetType: a.targetType, targetId: a.targetId })
  }
  const tagGroup = new Map<number, CatalogGroup>()
  for (const tag of tagRows) {
    const g = byId.get(tag.groupId)
    if (!g) continue
    g.tags.push({ id: tag.id, name: tag.name, sortOrder: tag.sortOrder, wecomId: tag.wecomId })
    tagGroup.set(tag.id, g)
  }

  // Depth-first order so children follow their parent; orphans (parent deleted) are hidden.
  const children = new Map<number | null, CatalogGroup[]>()
  for (const g of byId.values()) {
    const key = g.parentId !== null && byId.has(g.parentId) ? g.parentId : (g.parentId === null ? null : -1)
    if (!children.has(key)) children.set(key, [])
    children.get(key)!.push(g)
  }
  const ordered: CatalogGroup[] = []
  const walk = (parent: number | null) => {
    for (const g of children.get(parent) ?? []) {
      ordered.push(g)
      walk(g.id)
    }
  }
  walk(null)

  const departments = new Map(db.select().from(t.departments).all().map(d => [d.id, { id: d.id, name: d.name, parentId: d.parentId }]))
  const memberNames = new Map(db.select({ id: t.members.userId, name: t.members.name }).from(t.members).all().map(m => [m.id, m.name]))
  const live = new Set(ordered)
  return {
    version,
    groups: ordered,
    groupsById: new Map(ordered.map(g => [g.id, g])),
    tagGroup: new Map([...tagGroup].filter(([, g]) => live.has(g))),
    departments,
    memberNames,
    memo: new Map(),
  }
}

/** The group's ancestors and the group itself, from the root down. */
export function groupChain(catalog: Catalog, group: CatalogGroup): CatalogGroup[] {
  const chain: CatalogGroup[] = []
  for (let g: CatalogGroup | undefined = group; g; g = g.parentId === null ? undefined : catalog.groupsById.get(g.parentId)) chain.push(g)
  return chain.reverse()
}

/** Names from the root down to this group. */
export function groupPath(catalog: Catalog, group: CatalogGroup): string[] {
  return groupChain(catalog, group).map(g => g.name)
}
