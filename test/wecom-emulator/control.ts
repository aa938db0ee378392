import type { EmulatorCorp, Faults } from './server.ts'
import type { EmulatorState, SeedInput } from './state.ts'
import { randomBytes } from 'node:crypto'
import { encrypt, getSignature } from '@wecom/crypto'
import { Hono } from 'hono'

export interface CallbackRequest {
  /** The app's callback URL. */
  url: string
  /** Event fields, e.g. { Event: 'change_external_contact', ChangeType: 'edit_external_contact', … }. */
  event: Record<string, string | number>
  /** Break it on purpose: a wrong signature, another corp's id inside, XML that is not XML, an old timestamp. */
  tamper?: 'signature' | 'corp' | 'xml' | 'stale'
  /** Send exactly this envelope again (a replay): returned by a previous call as `sent`. */
  replay?: { query: string, body: string }
}

/** Builds the encrypted, signed POST WeCom would send for `event`. */
export function buildCallback(corp: EmulatorCorp, req: CallbackRequest): { query: string, body: string } {
  const fields = { ToUserName: corp.corpId, FromUserName: 'sys', MsgType: 'event', CreateTime: Math.floor(Date.now() / 1000), ...req.event }
  const inner = `<xml>${Object.entries(fields).map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`).join('')}</xml>`
  const cipher = encrypt(corp.aesKey, req.tamper === 'xml' ? 'not <xml' : inner, req.tamper === 'corp' ? 'wwSomeOtherCorp' : corp.corpId)
  const timestamp = String(Math.floor(Date.now() / 1000) - (req.tamper === 'stale' ? 3600 : 0))
  const nonce = randomBytes(8).toString('hex')
  const sig = req.tamper === 'signature' ? 'f'.repeat(40) : getSignature(corp.token, timestamp, nonce, cipher)
  const body = `<xml><ToUserName><![CDATA[${corp.corpId}]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt><AgentID><![CDATA[${corp.agentId}]]></AgentID></xml>`
  return { query: new URLSearchParams({ msg_signature: sig, timestamp, nonce }).toString(), body }
}

/** The test-facing side: seed, read, break, and make WeCom call the app. */
export function controlRoutes(corp: EmulatorCorp, state: EmulatorState, ctl: { faults: Faults, oauthUser: string }) {
  return new Hono()
    .post('/seed', async (c) => {
      state.seed(await c.req.json<SeedInput>())
      return c.json({ ok: true })
    })
    .get('/marks', c => c.json({ marks: state.marks }))
    .get('/state', c => c.json({
      groups: state.groups,
      follows: state.follows.map(f => ({ userid: f.userid, external_userid: f.external_userid, tags: [...f.tags] })),
      calls: Object.fromEntries(state.calls),
    }))
    .post('/faults', async (c) => {
      ctl.faults = { ...ctl.faults, ...(await c.req.json<Partial<Faults>>()) }
      return c.json(ctl.faults)
    })
    .post('/oauth-user', async (c) => {
      ctl.oauthUser = (await c.req.json<{ userid: string }>()).userid
      return c.json({ ok: true })
    })
    .post('/expire-tokens', (c) => {
      for (const k of state.tokens.keys()) state.tokens.set(k, 0)
      return c.json({ ok: true })
    })
    // What a WeCom admin does in the admin console (no callback unless a test sends one).
    .post('/admin/tags', async (c) => {
      const b = await c.req.json<{ add?: { group_name: string, tags: string[] }, rename?: { id: string, name: string }, order?: { id: string, order: number }, delete?: string[] }>()
      if (b.add) state.addTags(b.add.group_name, b.add.tags.map(name => ({ name })))
      if (b.rename) {
        const found = state.findTag(b.rename.id)
        if (found) found.tag.name = b.rename.name
        const g = state.groups.find(x => x.group_id === b.rename!.id)
        if (g) g.group_name = b.rename.name
      }
      if (b.order) {
        const target = state.findTag(b.order.id)?.tag ?? state.groups.find(x => x.group_id === b.order!.id)
        if (target) target.order = b.order.order
      }
      if (b.delete) state.deleteTags(b.delete, b.delete)
      return c.json({ groups: state.groups })
    })
    .post('/contacts', async (c) => {
      const b = await c.req.json<{ customer?: { external_userid: string, name: string }, follow?: { userid: string, external_userid: string }, unfollow?: { userid: string, external_userid: string } }>()
      if (b.customer) state.customers.set(b.customer.external_userid, { type: 1, gender: 0, ...b.customer })
      if (b.follow) state.seed({ follows: [b.follow] })
      if (b.unfollow) state.follows = state.follows.filter(f => !(f.userid === b.unfollow!.userid && f.external_userid === b.unfollow!.external_userid))
      return c.json({ ok: true })
    })
    .post('/callback', async (c) => {
      const req = await c.req.json<CallbackRequest>()
      const sent = req.replay ?? buildCallback(corp, req)
      const res = await fetch(`${req.url}?${sent.query}`, { method: 'POST', body: sent.body, headers: { 'Content-Type': 'text/xml' } })
      return c.json({ status: res.status, body: await res.text(), sent })
    })
}
