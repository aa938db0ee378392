import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { controlRoutes } from './control.ts'
import { EmulatorState } from './state.ts'

export interface EmulatorCorp { corpId: string, secret: string, agentId: string, token: string, aesKey: string }

/** Injected trouble: with probability `rate` a call to one of `apis` fails in one of `modes`. */
export interface Faults {
  rate: number
  modes: Array<'errcode' | 'drop' | 'drop-after-apply'>
  errcodes: number[]
  delayMs: [number, number]
  apis?: string[]
}

export const NO_FAULTS: Faults = { rate: 0, modes: ['errcode'], errcodes: [45009], delayMs: [0, 0] }

type Env = { Bindings: HttpBindings }
type Handler = (c: Context<Env>, body: any) => object | number

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const ok = (x: object = {}) => ({ errcode: 0, errmsg: 'ok', ...x })

/**
 * A small WeCom: the server API paths under /cgi-bin with WeCom's JSON shapes and
 * errcodes, the OAuth authorize page, and /__control for tests. The app talks to it
 * through WECOM_API_BASE / WECOM_OAUTH_BASE only, as it would to WeCom.
 */
export function createEmulator(corp: EmulatorCorp) {
  const state = new EmulatorState()
  const ctl = { faults: { ...NO_FAULTS }, oauthUser: 'zhangsan' }
  const cgi = new Hono<Env>()

  const api = (method: 'GET' | 'POST', name: string, handler: Handler, needsToken = true) => {
    cgi.on(method, `/${name}`, async (c) => {
      state.calls.set(name, (state.calls.get(name) ?? 0) + 1)
      const f = ctl.faults
      const hit = !f.apis || f.apis.includes(name)
      if (hit && f.delayMs[1] > 0) await sleep(f.delayMs[0] + Math.random() * (f.delayMs[1] - f.delayMs[0]))
      if (needsToken) {
        const expires = state.tokens.get(c.req.query('access_token') ?? '')
        if (expires === undefined) return c.json({ errcode: 40014, errmsg: 'invalid access_token' })
        if (expires < Date.now()) return c.json({ errcode: 42001, errmsg: 'access_token expired' })
      }
      const mode = hit && Math.random() < f.rate ? f.modes[Math.floor(Math.random() * f.modes.length)] : undefined
      if (mode === 'errcode') {
        const errcode = f.errcodes[Math.floor(Math.random() * f.errcodes.length)]!
        return c.json({ errcode, errmsg: 'injected' })
      }
      if (mode === 'drop') return drop(c)
      let body: any = {}
      if (method === 'POST') {
        try {
          body = await c.req.json()
        }
        catch {
          return c.json({ errcode: 47001, errmsg: 'data format error' })
        }
      }
      const result = handler(c, body)
      // The change is made, but the caller never hears of it.
      if (mode === 'drop-after-apply') return drop(c)
      return c.json(typeof result === 'number' ? { errcode: result, errmsg: `error ${result}` } : ok(result))
    })
  }

  api('GET', 'gettoken', (c) => {
    if (c.req.query('corpid') !== corp.corpId) return 40013
    if (c.req.query('corpsecret') !== corp.secret) return 40001
    const token = randomBytes(24).toString('hex')
    state.tokens.set(token, Date.now() + 7200_000)
    return { access_token: token, expires_in: 7200 }
  }, false)
  api('GET', 'get_jsapi_ticket', () => ({ ticket: `corp-ticket-${randomBytes(6).toString('hex')}`, expires_in: 7200 }))
  api('GET', 'ticket/get', c => c.req.query('type') === 'agent_config' ? { ticket: `agent-ticket-${randomBytes(6).toString('hex')}`, expires_in: 7200 } : 40001)
  api('GET', 'auth/getuserinfo', (c) => {
    const user = state.codes.get(c.req.query('code') ?? '')
    if (!user) return 40029
    state.codes.delete(c.req.query('code')!)
    return state.members.has(user) ? { userid: user } : { openid: `o_${user}` }
  })
  api('POST', 'externalcontact/get_corp_tag_list', () => ({ tag_group: state.groups }))
  api('POST', 'externalcontact/add_corp_tag', (_c, b) => {
    const existed = new Set(state.groups.map(g => g.group_id))
    const r = b.group_id ? state.addTags(b.group_id, b.tag ?? [], b.order, true) : state.addTags(b.group_name ?? '', b.tag ?? [], b.order)
    if (typeof r === 'number') return r
    for (const id of [...r.tag.map(x => x.id), ...(existed.has(r.group_id) ? [] : [r.group_id])]) state.byApp.add(id)
    return { tag_group: r }
  })
  api('POST', 'externalcontact/edit_corp_tag', (_c, b) => {
    const found = state.findTag(b.id)
    const group = state.groups.find(g => g.group_id === b.id)
    if (!found && !group) return 40068
    // WeCom: an app may edit or delete only the tags and groups it created.
    if (!state.byApp.has(b.id)) return 48002
    if (b.name && [...b.name].length > 30) return 40058
    if (found) Object.assign(found.tag, { ...(b.name ? { name: b.name } : {}), ...(b.order !== undefined ? { order: b.order } : {}) })
    if (group) Object.assign(group, { ...(b.name ? { group_name: b.name } : {}), ...(b.order !== undefined ? { order: b.order } : {}) })
    return {}
  })
  api('POST', 'externalcontact/del_corp_tag', (_c, b) => {
    const ids: string[] = [...(b.tag_id ?? []), ...(b.group_id ?? [])]
    if (ids.some(id => !state.byApp.has(id))) return 48002
    state.deleteTags(b.tag_id ?? [], b.group_id ?? [])
    return {}
  })
  api('POST', 'externalcontact/mark_tag', (_c, b) => {
    if (!state.members.has(b.userid)) return 60111
    if (!state.customers.has(b.external_userid)) return 40096
    const follow = state.follow(b.userid, b.external_userid)
    if (!follow) return 84061
    const ids: string[] = [...(b.add_tag ?? []), ...(b.remove_tag ?? [])]
    if (ids.some(id => !state.findTag(id))) return 40068
    for (const id of b.add_tag ?? []) follow.tags.add(id)
    for (const id of b.remove_tag ?? []) follow.tags.delete(id)
    state.marks.push({ seq: state.marks.length + 1, userid: b.userid, external_userid: b.external_userid, add_tag: b.add_tag ?? [], remove_tag: b.remove_tag ?? [], at: Date.now() })
    return {}
  })
  api('GET', 'externalcontact/get', c => state.contactDetail(c.req.query('external_userid') ?? '') ?? 40096)
  api('POST', 'externalcontact/batch/get_by_user', (_c, b) => {
    const users: string[] = b.userid_list ?? []
    if (users.length === 0 || users.length > 100) return 40058
    const all = state.follows.filter(f => users.includes(f.userid))
    const start = Number(b.cursor || 0)
    const limit = Math.min(100, b.limit ?? 50)
    const page = all.slice(start, start + limit)
    return {
      external_contact_list: page.map(f => ({
        external_contact: state.customers.get(f.external_userid),
        follow_info: { userid: f.userid, remark: f.remark, createtime: f.createtime, add_way: f.add_way, state: f.state, tag_id: [...f.tags] },
      })),
      next_cursor: start + limit < all.length ? String(start + limit) : '',
    }
  })

  const app = new Hono<Env>()
    .route('/cgi-bin', cgi)
    // OAuth: WeCom would ask nobody (snsapi_base is silent) and come back with a code.
    .get('/connect/oauth2/authorize', (c) => {
      if (c.req.query('appid') !== corp.corpId || c.req.query('scope') !== 'snsapi_base') return c.text('bad appid or scope', 400)
      const code = randomBytes(12).toString('hex')
      state.codes.set(code, ctl.oauthUser)
      const back = new URL(c.req.query('redirect_uri')!)
      back.searchParams.set('code', code)
      back.searchParams.set('state', c.req.query('state') ?? '')
      return c.redirect(back.href, 302)
    })
    .route('/__control', controlRoutes(corp, state, ctl))
  return { app, state, ctl }
}

function drop(c: Context<Env>): Response {
  c.env.incoming.socket.destroy()
  return new Response(null, { status: 500 })
}
