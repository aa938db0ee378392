import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createDb } from '@app/server/db/client.ts'
import { deleteGroup, purgeDeletion } from '@app/server/services/admin/recycle-bin.ts'
import { restoreDeletion } from '@app/server/services/admin/recycle-restore.ts'
import Database from 'better-sqlite3'
import { DEFAULT_LARGE_DB, generateLargeCompany, REPO_ROOT } from './generate.ts'

/**
 * Issue 4's measurement: the recycle bin on the large company. Takes the group with the
 * most assignments, tops it up to at least 100,000 customer assignments, then times
 * delete → restore (checking every assignment came back unchanged) → delete → purge through
 * the service functions the admin endpoints call. Runs on a snapshot copy, so the shared
 * large.db is never changed. `pnpm --filter @app/test exec tsx bench/recycle-restore.ts`
 */
const TARGET = 100_000
const company = generateLargeCompany(DEFAULT_LARGE_DB)
const dir = mkdtempSync(join(tmpdir(), 'recycle-bench-'))
const file = join(dir, 'large.db')
const source = new Database(company.file, { readonly: true })
await source.backup(file)
source.close()

const db = createDb(file)
const raw = db.$client
const groupId = company.stats.busiestGroups[0]!.groupId
const countIn = () => (raw.prepare(`select count(*) from customer_corp_tags where tag_id in (select id from corp_tags where group_id = ?)`).pluck().get(groupId) as number)
const have = countIn()
if (have < TARGET) {
  // One more tag of this group for customers carrying none of its tags (keeps exclusive groups valid).
  const firstTag = raw.prepare('select id from corp_tags where group_id = ? and deleted_at is null order by id limit 1').pluck().get(groupId) as number
  raw.prepare(`insert into customer_corp_tags (external_user_id, tag_id, marked_by, marked_at, source)
    select c.external_user_id, ?, null, ?, 'import' from customers c
    where not exists (select 1 from customer_corp_tags x join corp_tags t on t.id = x.tag_id where x.external_user_id = c.external_user_id and t.group_id = ?)
    limit ?`).run(firstTag, Date.now(), groupId, TARGET - have)
}
const assignments = countIn()
const snapshot = () => raw.prepare(`select count(*) n, sum(length(external_user_id) * tag_id + marked_at % 1000003) h from customer_corp_tags where tag_id in (select id from corp_tags where group_id = ?)`).get(groupId) as { n: number, h: number }
const before = snapshot()
const admin = raw.prepare(`select user_id from role_assignments where role = 'admin' limit 1`).pluck().get() as string

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now()
  const out = fn()
  return [out, performance.now() - start]
}
const [deleted, deleteMs] = time(() => deleteGroup(db, admin, groupId, 7))
const [restored, restoreMs] = time(() => restoreDeletion(db, admin, deleted.deletionId))
const after = snapshot()
if (after.n !== before.n || after.h !== before.h || restored.assignmentsRestored !== assignments) throw new Error(`restore lost assignments: ${JSON.stringify({ before, after, restored })}`)
const [again, deleteAgainMs] = time(() => deleteGroup(db, admin, groupId, 7))
const [, purgeMs] = time(() => purgeDeletion(db, admin, again.deletionId))
db.$client.close()
rmSync(dir, { recursive: true, force: true })

const totalAssignments = company.stats.rows.customer_corp_tags ?? 0
const ms = (x: number) => `${Math.round(x)} ms`
const lines = [
  `Last run: ${new Date().toISOString()}, command \`pnpm --filter @app/test exec tsx bench/recycle-restore.ts\` (in-process, service functions, snapshot copy of \`data/bench/large.db\`: ${company.stats.customers.toLocaleString('en')} customers, ${totalAssignments.toLocaleString('en')} corporate assignments).`,
  '',
  `Group ${groupId} (“${company.stats.busiestGroups[0]!.name}”, ${deleted.tagCount} tags) ${have < TARGET ? `topped up from ${have.toLocaleString('en')} to` : 'carries'} **${assignments.toLocaleString('en')} assignments**.`,
  '',
  '| step | time | rows |',
  '| --- | --- | --- |',
  `| delete group → recycle bin | ${ms(deleteMs)} | ${deleted.assignmentCount.toLocaleString('en')} assignments moved |`,
  `| **restore group with every assignment** | **${ms(restoreMs)}** | ${restored.assignmentsRestored.toLocaleString('en')} restored, ${restored.assignmentsSkipped} skipped; all identical (count and checksum) |`,
  `| delete again | ${ms(deleteAgainMs)} | ${again.assignmentCount.toLocaleString('en')} |`,
  `| purge for good | ${ms(purgeMs)} | |`,
]
console.log(lines.join('\n'))

// Own section of docs/BENCHMARKS.md, replaced on each run; the rest of the file is the bench's.
const doc = resolve(REPO_ROOT, 'docs/BENCHMARKS.md')
const start = '<!-- recycle-restore:start -->'
const end = '<!-- recycle-restore:end -->'
const section = `${start}\n## Recycle bin: restoring a group with 100,000 assignments (issue 4)\n\n${lines.join('\n')}\n${end}`
const text = readFileSync(doc, 'utf8')
const i = text.indexOf(start)
const j = text.indexOf(end)
writeFileSync(doc, i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + end.length) : `${text.trimEnd()}\n\n${section}\n`)
