import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../lib/config.ts'

const complete = {
  WECOM_CORP_ID: 'ww1234567890abcdef',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'secret-secret-secret',
  WECOM_CALLBACK_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  SESSION_SECRET: 'x'.repeat(32),
  PUBLIC_BASE_URL: 'https://tags.example.com',
}

describe('live-mode configuration', () => {
  it('should choose live mode with WeCom\'s own API hosts by default', () => {
    const config = loadConfig(complete)
    expect(config.mode).toBe('live')
    expect(config.wecom?.WECOM_API_BASE).toBe('https://qyapi.weixin.qq.com/cgi-bin')
  })

  it('should refuse to start naming every missing or malformed variable at once', () => {
    const attempt = () => loadConfig({ WECOM_CORP_ID: 'ww1234567890abcdef', WECOM_ENCODING_AES_KEY: 'too-short', SESSION_SECRET: 'short' })
    expect(attempt).toThrow(ConfigError)
    const message = (() => {
      try {
        attempt()
      }
      catch (err) {
        return (err as Error).message
      }
    })()!
    for (const name of ['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_CALLBACK_TOKEN', 'WECOM_ENCODING_AES_KEY', 'SESSION_SECRET', 'PUBLIC_BASE_URL'])
      expect(message).toContain(name)
  })

  it('should stay in demo mode without a corp id', () => {
    expect(loadConfig({}).mode).toBe('demo')
    expect(loadConfig({}).wecom).toBeUndefined()
  })
})
