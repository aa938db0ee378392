import type { TagSource } from '@app/shared'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/client.ts'

export interface CustomerRow { externalUserId: string, name: string, avatar: string | null, corpName: string | null, type: number }
export interface CorporateMarkRow { tagId: number, markedBy: string | null, markedAt: number, source: TagSource }
export interface PersonalLibraryRow { id: number, name: string }
export interface PersonalAssignmentRow { tagId: number, note: string | null, fromName: string | null }

type Params = { customerId?: string, userId?: string }

/**
 * The sidebar's hot-path reads, prepared once per database, in plain SQL on the
 * better-sqlite3 client: on the benchmark these run thousands of times a second, and
 * drizzle's row mapping cost more than the lookups. Each is one indexed lookup: the
 * customer row, the follow relation, the customer's corporate assignments (primary key
 * prefix), the member's personal library, and this customer's assignments of it (read
 * apart from the library: joining the library to the assignments costs one probe per
 * library tag, 20–60 on the large company).
 */
function prepare(db: Db) {
  const sql = db.$client
  return {
    customer: sql.prepare(`select external_user_id as externalUserId, name, avatar, corp_name as corpName, type
      from customers where external_user_id = @customerId`) as Statement<[Params], CustomerRow>,
    follows: sql.prepare(`select 1 from follow_relations where user_id = @userId and external_user_id = @customerId`).pluck() as Statement<[Params], number>,
    corporate: sql.prepare(`select tag_id as tagId, marked_by as markedBy, marked_at as markedAt, source
      from customer_corp_tags where external_user_id = @customerId`) as Statement<[Params], CorporateMarkRow>,
    personalLibraryVersion: sql.prepare(`select version from personal_library_versions where owner_id = @userId`).pluck() as Statement<[Params], number>,
    personalLibrary: sql.prepare(`select id, name from personal_tags
      where owner_id = @userId and retired_at is null order by created_at, id`) as Statement<[Params], PersonalLibraryRow>,
    personalOnCustomer: sql.prepare(`select cpt.tag_id as tagId, cpt.note, m.name as fromName
      from customer_personal_tags cpt
      join personal_tags pt on pt.id = cpt.tag_id
      left join members m on m.user_id = cpt.from_user_id
      where cpt.external_user_id = @customerId and pt.owner_id = @userId`) as Statement<[Params], PersonalAssignmentRow>,
  }
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>()

export function customerQueries(db: Db) {
  let s = statements.get(db)
  if (!s) {
    s = prepare(db)
    statements.set(db, s)
  }
  return s
}
