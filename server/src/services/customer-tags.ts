import type { CorporateDelta, CustomerTags, TagSource } from '@app/shared'
import type { Db } from '../db/client.ts'
import type { Viewer } from './access.ts'
import type { DomainHooks } from './hooks.ts'
import { and, eq } from 'drizzle-orm'
import { inTransaction } from '../db/client.ts'
import * as t from '../db/schema.ts'
import { AppError, notFound } from '../lib/errors.ts'
import { resolveGroupAccess } from './access.ts'
import { auditMany } from './audit.ts'
import { getCatalog } from './catalog.ts'
import { customerQueries } from './customer-queries.ts'
import { renderCustomerTags } from './customer-tags-json.ts'

const NOT_YOUR_CUSTOMER = '客户不存在，或不是你的客户'

/** The customer, if the viewer may work on them (a follower, or an admin); else 404. */
export function requireCustomer(db: Db, viewer: Viewer, externalUserId: string) {
  const q = customerQueries(db)
  const customer = q.customer.get({ customerId: externalUserId })
  if (!customer) throw notFound(NOT_YOUR_CUSTOMER)
  const following = q.follows.get({ customerId: externalUserId, userId: viewer.userId }) !== undefined
  if (!following && !viewer.isAdmin) throw notFound(NOT_YOUR_CUSTOMER)
  return { customer, following }
}

/** Everything the sidebar shows for one customer, as this member may see it, as UTF-8 JSON. */
export function customerTagsJson(db: Db, viewer: Viewer, externalUserId: string, hooks: DomainHooks = {}): Buffer {
  const { customer, following } = requireCustomer(db, viewer, externalUserId)
  return renderCustomerTags(db, viewer, customer, following, hooks)
}

/** The same as an object, for callers other than the HTTP hot path. */
export function getCustomerTags(db: Db, viewer: Viewer, externalUserId: string, hooks: DomainHooks = {}): CustomerTags {
  return JSON.parse(customerTagsJson(db, viewer, externalUserId, hooks).toString('utf8')) as CustomerTags
}

/**
 * Applies a delta of corporate tags. Only the named tags change, so two people marking
 * different tags at the same moment both keep their change; adding what is there or
 * removing what is not is a no-op. In an exclusive group, adding one tag removes its
 * siblings. All or nothing: one refused tag refuses the whole delta. Returns the new
 * state as the UTF-8 JSON of GET …/tags.
 */
export function applyCorporateDelta(db: Db, viewer: Viewer, externalUserId: string, delta: Required<CorporateDelta>, hooks: DomainHooks = {}, source: TagSource = 'manual') {
  const add = [...new Set(delta.add)]
  const remove = [...new Set(delta.remove)]
  const both = add.filter(id => remove.includes(id))
  if (both.length > 0) throw new AppError(400, 'BAD_REQUEST', `标签 ${both.join(',')} 不能同时添加和移除`)

  const catalog = getCatalog(db)
  const groupOf = (tagId: number) => {
    const group = catalog.tagGroup.get(tagId)
    const access = group && resolveGroupAccess(catalog, group, viewer)
    // A tag the member cannot see is answered like one that does not exist.
    if (!group || !access?.visible) throw new AppError(404, 'NOT_FOUND', `标签 ${tagId} 不存在或已删除`)
    if (!access.editable) {
      throw new AppError(403, access.reasonCode === 'LOCKED' ? 'GROUP_LOCKED' : 'GROUP_NOT_EDITABLE', `“${group.name}”${access.reason ?? '不可编辑'}`)
    }
    return group
  }
  const addGroups = add.map(groupOf)
  remove.forEach(groupOf)
  const seenExclusive = new Map<number, number>()
  addGroups.forEach((g, i) => {
    if (!g.exclusive) return
    if (seenExclusive.has(g.id)) throw new AppError(422, 'RULE_VIOLATION', `“${g.name}”是单选标签组，只能选一个`)
    seenExclusive.set(g.id, add[i]!)
  })

  inTransaction(db, () => {
    requireCustomer(db, viewer, externalUserId)
    const q = customerQueries(db)
    const current = new Set(q.corporate.all({ customerId: externalUserId }).map(a => a.tagId))
    const toRemove = new Set(remove.filter(id => current.has(id)))
    // Exclusive: the chosen tag replaces whatever sibling the customer had.
    for (const [groupId, chosen] of seenExclusive) {
      for (const sibling of catalog.groupsById.get(groupId)!.tags) {
        if (sibling.id !== chosen && current.has(sibling.id)) toRemove.add(sibling.id)
      }
    }
    const toAdd = add.filter(id => !current.has(id))
    if (toAdd.length === 0 && toRemove.size === 0) return

    const now = new Date()
    for (const tagId of toRemove) {
      db.delete(t.customerCorpTags).where(and(eq(t.customerCorpTags.externalUserId, externalUserId), eq(t.customerCorpTags.tagId, tagId))).run()
    }
    if (toAdd.length > 0) {
      db.insert(t.customerCorpTags).values(toAdd.map(tagId => ({ externalUserId, tagId, markedBy: viewer.userId, markedAt: now, source }))).run()
    }
    const entry = (tagId: number, added: boolean) => {
      const group = catalog.tagGroup.get(tagId)!
      const name = group.tags.find(x => x.id === tagId)?.name
      return {
        actorId: viewer.userId,
        action: added ? 'customer.corporate_tag.add' : 'customer.corporate_tag.remove',
        targetType: 'customer_corp_tag',
        targetId: tagId,
        customerId: externalUserId,
        groupId: group.id,
        tagId,
        before: added ? null : { tag: name, group: group.name },
        after: added ? { tag: name, group: group.name, source } : null,
      }
    }
    auditMany(db, [...toAdd.map(id => entry(id, true)), ...[...toRemove].map(id => entry(id, false))], now)
    hooks.onCorporateChange?.(db, { actorId: viewer.userId, externalUserId, added: toAdd, removed: [...toRemove] })
  })
  return customerTagsJson(db, viewer, externalUserId, hooks)
}
