import type { Db } from '../db/client.ts'
import type { DomainHooks } from './hooks.ts'

export interface MigrationTarget {
  tagId: number
  /** Live sibling tags when the group is exclusive: a customer carrying one is skipped, never overwritten. */
  exclusiveSiblings: number[]
}

export interface MigrationOptions {
  /** Tests inject a failure here, after the customers are written, to prove the rollback. */
  afterCustomers?: (inserted: number) => void
}

/**
 * Gives the corporate tag to every customer carrying one of `personalTagIds`, set-based so
 * tens of thousands of customers cost a few statements, not a round-trip each. Marked by
 * the proposer where they carry it, else by the tag's owner; customers already carrying the
 * tag are left alone. Must run inside the approval's transaction.
 *
 * It is audited by the approval's summary entry with the counts, not one entry per
 * customer: each assignment already records source 'promotion', who and when, and 50,000
 * more audit rows would lengthen the time other requests wait for the commit.
 */
export function migrateAssignments(db: Db, args: {
  personalTagIds: number[]
  target: MigrationTarget
  proposerId: string
  now: Date
  hooks: DomainHooks
  opts?: MigrationOptions
}) {
  const { target } = args
  const client = db.$client
  const sourceIds = JSON.stringify(args.personalTagIds)
  const blockIds = JSON.stringify([target.tagId, ...target.exclusiveSiblings])

  const candidates = client.prepare(`
    SELECT COUNT(DISTINCT external_user_id) AS n FROM customer_personal_tags
    WHERE tag_id IN (SELECT value FROM json_each(?))`).get(sourceIds) as { n: number }
  const already = client.prepare(`
    SELECT COUNT(DISTINCT cpt.external_user_id) AS n FROM customer_personal_tags cpt
    JOIN customer_corp_tags cct ON cct.external_user_id = cpt.external_user_id AND cct.tag_id = ?
    WHERE cpt.tag_id IN (SELECT value FROM json_each(?))`).get(target.tagId, sourceIds) as { n: number }

  const inserted = client.prepare(`
    WITH src AS (
      SELECT cpt.external_user_id AS customer_id,
             COALESCE(MAX(CASE WHEN pt.owner_id = @proposer THEN pt.owner_id END), MIN(pt.owner_id)) AS marked_by
      FROM customer_personal_tags cpt JOIN personal_tags pt ON pt.id = cpt.tag_id
      WHERE cpt.tag_id IN (SELECT value FROM json_each(@sourceIds))
      GROUP BY cpt.external_user_id
    )
    INSERT INTO customer_corp_tags (external_user_id, tag_id, marked_by, marked_at, source)
    SELECT customer_id, @tagId, marked_by, @now, 'promotion' FROM src
    WHERE NOT EXISTS (
      SELECT 1 FROM customer_corp_tags x
      WHERE x.external_user_id = src.customer_id AND x.tag_id IN (SELECT value FROM json_each(@blockIds)))
    RETURNING external_user_id AS customerId, marked_by AS markedBy`)
    .all({ proposer: args.proposerId, sourceIds, tagId: target.tagId, now: args.now.getTime(), blockIds }) as Array<{ customerId: string, markedBy: string }>

  args.opts?.afterCustomers?.(inserted.length)

  if (args.hooks.onCorporateChange) {
    for (const row of inserted) args.hooks.onCorporateChange(db, { actorId: row.markedBy, externalUserId: row.customerId, added: [target.tagId], removed: [] })
  }
  return {
    customers: inserted.length,
    alreadyTagged: already.n,
    skippedExclusive: candidates.n - already.n - inserted.length,
  }
}
