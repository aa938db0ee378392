import type { SeedInput } from './state.ts'
import { DEMO_CUSTOMERS, DEMO_GROUPS, DEMO_MEMBERS, demoFollowers } from '@app/server/seed/demo-company.ts'

/**
 * The demo company as WeCom would hold it: the same members, customers and follow
 * relations, and the tag groups flat (WeCom has no tree; the app keeps that locally).
 * `groups` picks which demo groups exist in WeCom already.
 */
export function demoSeed(groups: string[] = DEMO_GROUPS.map(g => g.name)): SeedInput {
  return {
    members: DEMO_MEMBERS.map(m => m.userId),
    customers: DEMO_CUSTOMERS.map(c => ({ external_userid: c.externalUserId, name: c.name, type: c.type, gender: c.gender, ...(c.corpName ? { corp_name: c.corpName } : {}) })),
    follows: DEMO_CUSTOMERS.flatMap((c, i) => demoFollowers(i + 1).map(userid => ({ userid, external_userid: c.externalUserId }))),
    groups: DEMO_GROUPS.filter(g => groups.includes(g.name)).map((g, i, all) => ({ group_name: g.name, order: all.length - i, tags: g.tags })),
  }
}

/** The corp the emulator and the app agree on (the official sample's token and key). */
export const EMULATED_CORP = {
  corpId: 'wwEmulatedCorp01',
  secret: 'emulated-secret-0123456789',
  agentId: '1000002',
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
}
