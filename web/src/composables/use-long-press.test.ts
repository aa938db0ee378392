import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LONG_PRESS_MS, useLongPress } from './use-long-press.ts'

const touch = (x = 10, y = 10) => ({ touches: [{ clientX: x, clientY: y }], cancelable: true, preventDefault: vi.fn() }) as unknown as TouchEvent

describe('useLongPress', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('should fire after about 600 ms of holding, with progress filling on the way', () => {
    const fired: string[] = []
    const press = useLongPress<string>(t => fired.push(t))
    const on = press.bind('爱砍价')
    on.touchstart(touch())
    expect(press.target.value).toBe('爱砍价')
    vi.advanceTimersByTime(LONG_PRESS_MS / 2)
    expect(press.progress.value).toBeGreaterThan(0.4)
    expect(press.progress.value).toBeLessThan(0.6)
    expect(fired).toEqual([])
    vi.advanceTimersByTime(LONG_PRESS_MS / 2)
    expect(fired).toEqual(['爱砍价'])
    expect(press.target.value).toBeNull()
  })

  it('should not fire when released early, and treat the release as an ordinary tap', () => {
    const fired: string[] = []
    const press = useLongPress<string>(t => fired.push(t))
    const on = press.bind('高意向')
    on.touchstart(touch())
    vi.advanceTimersByTime(LONG_PRESS_MS - 100)
    on.touchend(touch())
    vi.advanceTimersByTime(1000)
    expect(fired).toEqual([])
    expect(press.progress.value).toBe(0)
    expect(press.consumeClick()).toBe(false)
  })

  it('should swallow the one click that ends a long press and stop the browser from sending it', () => {
    const press = useLongPress<number>(() => {})
    const on = press.bind(1)
    on.touchstart(touch())
    vi.advanceTimersByTime(LONG_PRESS_MS + 50)
    const end = touch()
    on.touchend(end)
    expect(end.preventDefault).toHaveBeenCalled()
    expect(press.consumeClick()).toBe(true)
    expect(press.consumeClick()).toBe(false)
  })

  it('should cancel when the finger moves away, as in a scroll', () => {
    const fired: number[] = []
    const press = useLongPress<number>(t => fired.push(t))
    const on = press.bind(7)
    on.touchstart(touch(10, 10))
    on.touchmove(touch(10, 40))
    vi.advanceTimersByTime(LONG_PRESS_MS * 2)
    expect(fired).toEqual([])
  })
})
