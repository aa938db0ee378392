import { encrypt, getSignature } from '@wecom/crypto'
import { describe, expect, it } from 'vitest'
import { CallbackRefused, openEnvelope, parseXml } from './callback-crypto.ts'

// The official sample from WeCom's callback documentation (../shared/WECOM.md).
const official = { token: 'QDG6eK', aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' }
const urlCheck = {
  msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
}

describe('callback envelope', () => {
  it('should verify and decrypt the official URL-check vector to 1616140317555161061', () => {
    expect(openEnvelope(official, urlCheck, urlCheck.echostr)).toBe('1616140317555161061')
  })

  it('should refuse the vector with one signature character changed', () => {
    const bad = { ...urlCheck, msg_signature: `${urlCheck.msg_signature.slice(0, -1)}0` }
    expect(() => openEnvelope(official, bad, urlCheck.echostr)).toThrow(CallbackRefused)
  })

  it('should refuse a correctly signed message encrypted for another corp', () => {
    const cipher = encrypt(official.aesKey, '<xml></xml>', 'wwAnotherCorp')
    const q = { msg_signature: getSignature(official.token, '1', '2', cipher), timestamp: '1', nonce: '2' }
    expect(() => openEnvelope(official, q, cipher)).toThrow('wrong corp id')
  })

  it('should read fields from CDATA and refuse text that is not XML', () => {
    expect(parseXml('<xml><Event><![CDATA[change_external_tag]]></Event><Id>123</Id></xml>')).toEqual({ Event: 'change_external_tag', Id: '123' })
    expect(() => parseXml('<xml><Event>')).toThrow(CallbackRefused)
    expect(() => parseXml('{"json":true}')).toThrow(CallbackRefused)
  })
})
