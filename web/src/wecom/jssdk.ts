import type { JsSignature } from '@app/shared'
import * as ww from '@wecom/jssdk'
import { getJsSignature } from '../api/wecom.ts'

/** Raised when the page was opened somewhere it cannot know the customer; the message is for the user. */
export class WeComEntryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WeComEntryError'
  }
}

const pageUrl = () => location.href.split('#')[0]!
let registered: Promise<void> | undefined

/**
 * Registers the app with the WeCom client once. corpId/agentId come with the first
 * signature answer; the SDK may ask again for another url (after navigation), so the
 * factories fetch for whatever url they are given.
 */
function register(): Promise<void> {
  registered ??= (async () => {
    const first = await getJsSignature(pageUrl())
    const cache = new Map<string, Promise<JsSignature>>([[pageUrl(), Promise.resolve(first)]])
    const signed = (url: string) => {
      const key = url.split('#')[0]!
      if (!cache.has(key)) cache.set(key, getJsSignature(key))
      return cache.get(key)!
    }
    ww.register({
      corpId: first.corpId,
      agentId: first.agentId,
      jsApiList: ['getContext', 'getCurExternalContact'],
      getConfigSignature: async url => (await signed(url)).corp,
      getAgentConfigSignature: async url => (await signed(url)).agent,
    })
  })()
  registered.catch(() => { registered = undefined })
  return registered
}

/** The external contact of the chat the sidebar was opened from. */
export async function getExternalContactId(): Promise<string> {
  await register()
  const { entry } = await ww.getContext()
  if (entry === 'single_chat_tools' || entry === 'contact_profile') {
    const { userId } = await ww.getCurExternalContact()
    return userId
  }
  if (entry === 'group_chat_tools')
    throw new WeComEntryError('客户标签针对单个客户，请在与客户的单聊窗口中打开侧边栏')
  throw new WeComEntryError('请从与客户的单聊窗口或客户详情页打开客户标签')
}
