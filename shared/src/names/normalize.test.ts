import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanName, foldName, nameLength } from './normalize.ts'

describe('cleanName', () => {
  it('should trim and collapse inner whitespace', () => {
    expect(cleanName('  高   意向 \t')).toBe('高 意向')
  })
  it('should compose to NFC so that the same word is stored one way', () => {
    expect(cleanName('Cafe\u0301')).toBe('Café')
  })
})

describe('foldName', () => {
  it.each([
    ['高意向', '高 意向'],
    ['高意向', '高_意向'],
    ['ＶＩＰ客户', 'vip客户'],
    ['A类', 'ａ类'],
    ['咨询次数_3次以上', '咨询次数-3次以上'],
  ])('should treat %s and %s as the same name', (a, b) => {
    expect(foldName(a)).toBe(foldName(b))
  })

  it('should keep different ideas apart', () => {
    expect(foldName('华东')).not.toBe(foldName('华南'))
  })

  it('should be idempotent for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(foldName(foldName(s))).toBe(foldName(s))
    }), { numRuns: 2000 })
  })

  it('should make cleanName idempotent for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(cleanName(cleanName(s))).toBe(cleanName(s))
    }), { numRuns: 2000 })
  })
})

describe('nameLength', () => {
  it('should count an emoji as one character', () => {
    expect(nameLength('好评👍')).toBe(3)
  })
})
