import type { WecomConfig } from './config.ts'

/** A WeCom API answer that is not errcode 0, or a call that never got an answer. */
export class WecomError extends Error {
  constructor(
    readonly api: string,
    /** WeCom's errcode; -2 = network failure, -3 = timeout, -4 = HTTP status not 200. */
    readonly errcode: number,
    message: string,
  ) {
    super(`${api}: ${errcode} ${message}`)
  }

  /** Worth trying again later: rate limits, WeCom busy, network and server trouble. */
  get retryable(): boolean {
    return RETRYABLE.has(this.errcode)
  }

  /** The request may have reached WeCom and been applied although we saw no answer. */
  get ambiguous(): boolean {
    return this.errcode === NETWORK || this.errcode === TIMEOUT || this.errcode === HTTP
  }
}

const NETWORK = -2
const TIMEOUT = -3
const HTTP = -4
const TOKEN_INVALID = new Set([40001, 40014, 42001])
const RATE_LIMITED = new Set([45009, 45033, -1])
const RETRYABLE = new Set([...RATE_LIMITED, NETWORK, TIMEOUT, HTTP])

export interface WecomTag { id: string, name: string, create_time?: number, order?: number, deleted?: boolean }
export interface WecomTagGroup { group_id: string, group_name: string, create_time?: number, order?: number, deleted?: boolean, tag: WecomTag[] }
export interface WecomFollowUser { userid: string, remark?: string, createtime?: number, add_way?: number, state?: string, tags?: Array<{ group_name: string, tag_name: string, type: number, tag_id?: string }> }
export interface WecomExternalContact { external_userid: string, name: string, type?: number, avatar?: string, gender?: number, corp_name?: string }
export interface WecomContactDetail { external_contact: WecomExternalContact, follow_user: WecomFollowUser[] }
export interface WecomByUserItem { external_contact: WecomExternalContact, follow_info: { userid: string, remark?: string, createtime?: number, add_way?: number, state?: string, tag_id?: string[] } }
export interface MarkTagRequest { userid: string, external_userid: string, add_tag?: string[], remove_tag?: string[] }

/**
 * Everything the app asks of WeCom's server API (STYLE §22): one interface, so unit tests
 * can hand in their own and integration tests point the real one at the emulator.
 */
export interface WecomApi {
  getUserInfo: (code: string) => Promise<{ userid?: string, openid?: string }>
  /** Corp jsapi_ticket and app (agent_config) ticket, cached for their lifetime. */
  jsapiTicket: () => Promise<string>
  agentTicket: () => Promise<string>
  getCorpTagList: (filter?: { tag_id?: string[], group_id?: string[] }) => Promise<WecomTagGroup[]>
  addCorpTag: (body: { group_id?: string, group_name?: string, order?: number, tag: Array<{ name: string, order?: number }> }) => Promise<WecomTagGroup>
  editCorpTag: (body: { id: string, name?: string, order?: number }) => Promise<void>
  delCorpTag: (body: { tag_id?: string[], group_id?: string[] }) => Promise<void>
  markTag: (body: MarkTagRequest) => Promise<void>
  getExternalContact: (externalUserId: string) => Promise<WecomContactDetail>
  batchGetByUser: (userIds: string[], cursor?: string) => Promise<{ external_contact_list: WecomByUserItem[], next_cursor?: string }>
}

type Cached = { value: string, expiresAt: number }
type ClientConfig = Pick<WecomConfig, 'WECOM_API_BASE' | 'WECOM_CORP_ID' | 'WECOM_SECRET' | 'WECOM_TIMEOUT_MS'>

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/**
 * The real client: base URL from config, one cached access token (refetched early and
 * on 40001/40014/42001, then the call is retried once), a timeout on every call, and a
 * short in-call backoff on rate limits. Network failures are retried here only for reads;
 * a write whose answer was lost is left to the outbox, which checks before repeating it.
 */
export function createWecomClient(config: ClientConfig): WecomApi {
  const base = config.WECOM_API_BASE.replace(/\/$/, '')
  const cache = new Map<string, Cached>()
  const inflight = new Map<string, Promise<string>>()

  async function raw(api: string, init: { method: 'GET' | 'POST', query?: Record<string, string>, body?: unknown }): Promise<any> {
    const url = new URL(`${base}/${api}`)
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v)
    let res: Response
    try {
      res = await fetch(url, {
        method: init.method,
        headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(config.WECOM_TIMEOUT_MS),
      })
    }
    catch (err) {
      const timeout = (err as Error).name === 'TimeoutError'
      throw new WecomError(api, timeout ? TIMEOUT : NETWORK, timeout ? 'timeout' : String((err as Error).cause ?? err))
    }
    if (res.status !== 200) throw new WecomError(api, HTTP, `HTTP ${res.status}`)
    let json: any
    try {
      json = await res.json()
    }
    catch (err) {
      throw new WecomError(api, NETWORK, `bad body: ${(err as Error).message}`)
    }
    if (json.errcode) throw new WecomError(api, json.errcode, json.errmsg ?? '')
    return json
  }

  /** A value cached until shortly before WeCom says it expires; one fetch at a time. */
  function cached(key: string, fetchIt: () => Promise<{ value: string, expiresIn: number }>): Promise<string> {
    const hit = cache.get(key)
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value)
    let p = inflight.get(key)
    if (!p) {
      p = fetchIt().then(({ value, expiresIn }) => {
        cache.set(key, { value, expiresAt: Date.now() + Math.max(60, expiresIn - 300) * 1000 })
        return value
      }).finally(() => inflight.delete(key))
      inflight.set(key, p)
    }
    return p
  }

  const token = () => cached('token', async () => {
    const r = await raw('gettoken', { method: 'GET', query: { corpid: config.WECOM_CORP_ID, corpsecret: config.WECOM_SECRET } })
    return { value: r.access_token, expiresIn: r.expires_in ?? 7200 }
  })

  async function call(api: string, init: { method: 'GET' | 'POST', query?: Record<string, string>, body?: unknown, read?: boolean }): Promise<any> {
    let tokenRetried = false
    for (let attempt = 0; ; attempt++) {
      const accessToken = await token()
      try {
        return await raw(api, { ...init, query: { ...init.query, access_token: accessToken } })
      }
      catch (err) {
        if (!(err instanceof WecomError)) throw err
        if (TOKEN_INVALID.has(err.errcode) && !tokenRetried) {
          tokenRetried = true
          if (cache.get('token')?.value === accessToken) cache.delete('token')
          continue
        }
        const again = RATE_LIMITED.has(err.errcode) || (init.read && err.retryable)
        if (!again || attempt >= 2) throw err
        await sleep(200 * 2 ** attempt + Math.random() * 100)
      }
    }
  }

  return {
    getUserInfo: async code => call('auth/getuserinfo', { method: 'GET', query: { code } }),
    jsapiTicket: () => cached('jsapi', async () => {
      const r = await call('get_jsapi_ticket', { method: 'GET', read: true })
      return { value: r.ticket, expiresIn: r.expires_in ?? 7200 }
    }),
    agentTicket: () => cached('agent', async () => {
      const r = await call('ticket/get', { method: 'GET', query: { type: 'agent_config' }, read: true })
      return { value: r.ticket, expiresIn: r.expires_in ?? 7200 }
    }),
    getCorpTagList: async filter => (await call('externalcontact/get_corp_tag_list', { method: 'POST', body: filter ?? {}, read: true })).tag_group ?? [],
    addCorpTag: async body => (await call('externalcontact/add_corp_tag', { method: 'POST', body })).tag_group,
    editCorpTag: async (body) => { await call('externalcontact/edit_corp_tag', { method: 'POST', body }) },
    delCorpTag: async (body) => { await call('externalcontact/del_corp_tag', { method: 'POST', body }) },
    markTag: async (body) => { await call('externalcontact/mark_tag', { method: 'POST', body }) },
    getExternalContact: async id => call('externalcontact/get', { method: 'GET', query: { external_userid: id }, read: true }),
    batchGetByUser: async (userIds, cursor) => call('externalcontact/batch/get_by_user', { method: 'POST', body: { userid_list: userIds, cursor: cursor ?? '', limit: 100 }, read: true }),
  }
}
