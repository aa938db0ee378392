import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('should run in demo mode on safe defaults when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ mode: 'demo', PORT: 8787, HOST: '127.0.0.1', RECYCLE_RETENTION_DAYS: 7, PERSONAL_TAG_CAP: 200 })
    expect(config.DATABASE_PATH).toMatch(/data\/app\.db$/)
  })

  it('should treat empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(8787)
  })

  it('should refuse malformed values and name every one of them', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', RECYCLE_RETENTION_DAYS: '0', SESSION_SECRET: 'short', PUBLIC_BASE_URL: 'not a url' })
    expect(attempt).toThrow(ConfigError)
    try {
      attempt()
    }
    catch (err) {
      const message = (err as Error).message
      for (const name of ['PORT', 'RECYCLE_RETENTION_DAYS', 'SESSION_SECRET', 'PUBLIC_BASE_URL']) expect(message).toContain(name)
    }
  })
})
