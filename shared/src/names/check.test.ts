import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkName } from './check.ts'

const codes = (items: Array<{ code: string }>) => items.map(i => i.code)

describe('checkName', () => {
  it('should refuse an empty name', () => {
    const r = checkName('   ')
    expect(r.valid).toBe(false)
    expect(codes(r.errors)).toEqual(['EMPTY'])
  })

  it.each(['高@意向', '#活动', '高\u200B意向', '高\u0007意向', '＠客户'])('should refuse forbidden characters in %j', (name) => {
    const r = checkName(name)
    expect(r.valid).toBe(false)
    expect(codes(r.errors)).toContain('FORBIDDEN_CHAR')
  })

  it('should refuse names longer than WeCom allows (30)', () => {
    expect(codes(checkName('一'.repeat(31)).errors)).toContain('TOO_LONG')
    expect(checkName('一'.repeat(30)).valid).toBe(true)
  })

  it('should warn, not refuse, a group name past 5 characters', () => {
    const r = checkName('客户消费偏好类型', { target: 'group' })
    expect(r.valid).toBe(true)
    expect(codes(r.warnings)).toContain('LONG_NAME')
  })

  it('should refuse a duplicate after folding width, case and separators', () => {
    const r = checkName('高 意向', { siblings: [{ id: 3, name: '高意向', kind: 'personal' }] })
    expect(r.valid).toBe(false)
    expect(r.errors[0]).toMatchObject({ code: 'DUPLICATE', similar: [{ id: 3, name: '高意向' }] })
  })

  it('should not call a tag its own duplicate when renaming it', () => {
    const r = checkName('高意向', { siblings: [{ id: 3, name: '高意向', kind: 'personal' }], self: { id: 3, kind: 'personal' } })
    expect(r.valid).toBe(true)
  })

  it('should offer similar tags as a warning that lists them', () => {
    const r = checkName('华东客户', { pool: [{ id: 4, name: '华东区', kind: 'corporate' }, { id: 5, name: '华南', kind: 'corporate' }] })
    expect(r.valid).toBe(true)
    const similar = r.warnings.find(w => w.code === 'SIMILAR')
    expect(similar?.similar?.map(s => s.name)).toEqual(['华东区'])
  })

  it('should warn a vague name and suggest the 属性_特征 form', () => {
    const r = checkName('重要客户')
    expect(r.valid).toBe(true)
    expect(r.warnings.find(w => w.code === 'VAGUE')?.message).toContain('属性_特征')
  })

  it('should return the cleaned name that would be stored', () => {
    expect(checkName('  咨询次数_3次以上 ').name).toBe('咨询次数_3次以上')
  })

  it('should never throw, whatever the input', () => {
    const pool = [{ id: 1, name: '高意向', kind: 'personal' as const }, { id: 2, name: 'A类', kind: 'corporate' as const }]
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const r = checkName(s, { siblings: pool, pool, target: 'group' })
      expect(r.valid).toBe(r.errors.length === 0)
    }), { numRuns: 2000 })
  })
})
