import { describe, expect, it } from 'vitest'
import { detectEnvironment } from './index.ts'

describe('detectEnvironment', () => {
  it.each([
    ['Mozilla/5.0 (iPhone) AppleWebKit/605 Mobile/15E148 wxwork/4.1.20 MicroMessenger/7.0.1 Language/zh', 'wecom'],
    ['Mozilla/5.0 (Windows NT 10.0) wxwork/4.1.8 (MicroMessenger/6.2) WindowsWechat', 'wecom'],
    ['Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.40 WeChat', 'browser'],
    ['Mozilla/5.0 (X11; Linux x86_64) Chrome/126 Safari/537.36', 'browser'],
  ])('should tell %s apart as %s', (ua, env) => {
    expect(detectEnvironment(ua)).toBe(env)
  })
})
