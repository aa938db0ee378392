import type { CustomerTags } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import type { CorporateMarkRow, PersonalAssignmentRow } from './customer-queries.ts'
import type { DomainHooks } from './hooks.ts'
import { visibleGroups } from './access.ts'
import { getCatalog } from './catalog.ts'
import { customerQueries } from './customer-queries.ts'

interface TagFragment { id: number, unselected: string, selectedOpen: string }
/** `whole` is the group with none of its tags selected, already UTF-8: most groups of most customers. */
interface GroupFragment { id: number, whole: Buffer, open: string, tags: TagFragment[] }

const str = JSON.stringify

/**
 * The member's visible groups as ready-made JSON pieces. A salesperson's response is
 * ~600 tags in 30–60 groups and nearly all of it depends only on the member and the
 * library, not on the customer; building it once per member and catalog version turns
 * the hot path's largest costs (JSON.stringify of the whole tree, then its UTF-8 encoding)
 * into copying ready bytes; only groups where the customer has a tag are rebuilt.
 */
const fragmentsByCatalog = new WeakMap<object, Map<string, GroupFragment[]>>()
/** ≈ 100–150 KB per salesperson: bounded so a company of many members does not grow without end. */
const FRAGMENTS_MAX = 3_000

function groupFragments(db: Db, viewer: Viewer): GroupFragment[] {
  const catalog = getCatalog(db)
  let cache = fragmentsByCatalog.get(catalog)
  if (!cache) fragmentsByCatalog.set(catalog, cache = new Map())
  const hit = cache.get(viewer.userId)
  if (hit) {
    // Least recently used goes first: a hit moves to the end.
    cache.delete(viewer.userId)
    cache.set(viewer.userId, hit)
    return hit
  }
  const fragments = visibleGroups(db, viewer).map(({ group, path, depth, access }) => {
    const open = `{"id":${group.id},"name":${str(group.name)},"path":${str(path)},"parentId":${str(group.parentId)},"depth":${depth},`
      + `"locked":${group.locked},"exclusive":${group.exclusive},"editable":${access.editable},`
      + `"reasonCode":${str(access.reasonCode)},"reason":${str(access.reason)},"tags":[`
    const tags = group.tags.map(tag => ({
      id: tag.id,
      unselected: `{"id":${tag.id},"name":${str(tag.name)},"selected":false}`,
      selectedOpen: `{"id":${tag.id},"name":${str(tag.name)},"selected":true,`,
    }))
    return { id: group.id, whole: Buffer.from(`${open}${tags.map(t => t.unselected).join(',')}]}`), open, tags }
  })
  if (cache.size >= FRAGMENTS_MAX) cache.delete(cache.keys().next().value!)
  cache.set(viewer.userId, fragments)
  return fragments
}

interface PersonalFragment { id: number, unselected: string, selectedOpen: string }
const libraries = new WeakMap<Db, Map<string, { version: number, tags: PersonalFragment[] }>>()
const LIBRARIES_MAX = 20_000

/**
 * The member's personal library as JSON pieces, cached per member and rebuilt when the
 * member's counter in personal_library_versions moves (a trigger bumps it on every write
 * to their personal tags, whoever makes it).
 */
function personalFragments(db: Db, userId: string): PersonalFragment[] {
  const q = customerQueries(db)
  let byOwner = libraries.get(db)
  if (!byOwner) libraries.set(db, byOwner = new Map())
  const version = q.personalLibraryVersion.get({ userId }) ?? 0
  const hit = byOwner.get(userId)
  if (hit && hit.version === version) return hit.tags
  const tags = q.personalLibrary.all({ userId }).map(p => ({
    id: p.id,
    unselected: `{"id":${p.id},"name":${str(p.name)},"selected":false,"note":null,"fromName":null}`,
    selectedOpen: `{"id":${p.id},"name":${str(p.name)},"selected":true,`,
  }))
  if (byOwner.size >= LIBRARIES_MAX) byOwner.clear()
  byOwner.set(userId, { version, tags })
  return tags
}

function personalJson(tags: PersonalFragment[], assigned: Map<number, PersonalAssignmentRow>): string {
  let out = ''
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!
    const a = assigned.get(tag.id)
    if (i > 0) out += ','
    out += a ? `${tag.selectedOpen}"note":${str(a.note)},"fromName":${str(a.fromName)}}` : tag.unselected
  }
  return `{"tags":[${out}],"total":${tags.length}}`
}

const COMMA = Buffer.from(',')

/** Appends the groups to `out`: pre-encoded as they are, or rebuilt where the customer has a tag. */
function pushCorporate(out: Buffer[], fragments: GroupFragment[], marks: Map<number, CorporateMarkRow>, markedGroups: Set<number>): void {
  for (let g = 0; g < fragments.length; g++) {
    const group = fragments[g]!
    if (g > 0) out.push(COMMA)
    if (!markedGroups.has(group.id)) {
      out.push(group.whole)
      continue
    }
    let text = group.open
    for (let i = 0; i < group.tags.length; i++) {
      const tag = group.tags[i]!
      const mark = marks.get(tag.id)
      if (i > 0) text += ','
      text += mark
        ? `${tag.selectedOpen}"markedBy":${str(mark.markedBy)},"markedAt":${mark.markedAt},"source":${str(mark.source)}}`
        : tag.unselected
    }
    out.push(Buffer.from(`${text}]}`))
  }
}

/**
 * Everything the sidebar shows for one customer (DESIGN §5), as the UTF-8 JSON the route
 * sends. `customer` and `following` come from requireCustomer, which the caller ran.
 */
export function renderCustomerTags(db: Db, viewer: Viewer, customer: CustomerTags['customer'], following: boolean, hooks: DomainHooks): Buffer {
  const q = customerQueries(db)
  const params = { customerId: customer.externalUserId, userId: viewer.userId }
  const catalog = getCatalog(db)
  const marks = new Map<number, CorporateMarkRow>()
  const markedGroups = new Set<number>()
  for (const row of q.corporate.all(params)) {
    marks.set(row.tagId, row)
    const group = catalog.tagGroup.get(row.tagId)
    if (group) markedGroups.add(group.id)
  }

  const assigned = new Map<number, PersonalAssignmentRow>()
  for (const row of q.personalOnCustomer.all(params)) assigned.set(row.tagId, row)
  const sync = hooks.syncState?.(db, customer.externalUserId)

  const out = [Buffer.from(`{"customer":${str(customer)},"following":${following},"corporate":{"groups":[`)]
  pushCorporate(out, groupFragments(db, viewer), marks, markedGroups)
  out.push(Buffer.from(`]},"personal":${personalJson(personalFragments(db, viewer.userId), assigned)}${sync ? `,"sync":${str(sync)}` : ''}}`))
  return Buffer.concat(out)
}
