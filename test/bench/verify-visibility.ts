import { createDb } from '@app/server/db/client.ts'
import { loadViewer, visibleGroups } from '@app/server/services/access.ts'
import { planMembers } from './large-company-plan.ts'

export interface VisibilitySummary { kind: string, members: number, min: number, max: number }

/**
 * Counts, through the server's own access rules (loadViewer + visibleGroups), how many
 * groups each kind of member sees, and fails when the shape the benchmark relies on is
 * off: a salesperson sees 30–60 groups, an admin all 300.
 */
export function verifyVisibility(file: string, log: (l: string) => void = l => console.log(l)): VisibilitySummary[] {
  const db = createDb(file)
  try {
    const byKind = new Map<string, number[]>()
    for (const m of planMembers().members) {
      const viewer = loadViewer(db, m.userId)
      if (!viewer) throw new Error(`member ${m.userId} missing from ${file}`)
      byKind.set(m.kind, [...byKind.get(m.kind) ?? [], visibleGroups(db, viewer).length])
    }
    const summary = [...byKind].map(([kind, counts]) => ({ kind, members: counts.length, min: Math.min(...counts), max: Math.max(...counts) }))
    log(`[generate] visible groups per member: ${summary.map(s => `${s.kind} ×${s.members} ${s.min === s.max ? s.min : `${s.min}–${s.max}`}`).join(', ')}`)
    const sales = summary.find(s => s.kind === 'sales')!
    const admin = summary.find(s => s.kind === 'admin')!
    if (sales.min < 30 || sales.max > 60) throw new Error(`a salesperson should see 30–60 groups, sees ${sales.min}–${sales.max}`)
    if (admin.min !== 300 || admin.max !== 300) throw new Error(`an admin should see all 300 groups, sees ${admin.min}–${admin.max}`)
    return summary
  }
  finally { db.$client.close() }
}
