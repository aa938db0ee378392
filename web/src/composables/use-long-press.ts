import { ref } from 'vue'

export const LONG_PRESS_MS = 600
/** A finger that drifts further than this is scrolling, not pressing. */
const MOVE_TOLERANCE_PX = 10
/** Touch is followed by emulated mouse events; ignore those for this long. */
const EMULATED_MOUSE_MS = 800

/**
 * A press-and-hold on any of several items (one instance per list). `progress` runs from
 * 0 to 1 while `target` is held so the item can show it filling; after `duration` the
 * callback runs, and the click the browser sends on release is swallowed by `consumeClick`.
 */
export function useLongPress<T>(onLongPress: (target: T) => void, duration = LONG_PRESS_MS) {
  const target = ref<T | null>(null)
  const progress = ref(0)
  let startedAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  let fired = false
  let lastTouch = -Infinity
  let origin = { x: 0, y: 0 }

  function stopTimers() {
    clearTimeout(timer)
    clearInterval(ticker)
    timer = ticker = undefined
  }

  function begin(item: T, x = 0, y = 0) {
    stopTimers()
    fired = false
    origin = { x, y }
    target.value = item as typeof target.value
    progress.value = 0
    startedAt = Date.now()
    ticker = setInterval(() => { progress.value = Math.min(1, (Date.now() - startedAt) / duration) }, 16)
    timer = setTimeout(() => {
      stopTimers()
      fired = true
      progress.value = 0
      target.value = null
      onLongPress(item)
    }, duration)
  }

  function cancel() {
    stopTimers()
    progress.value = 0
    target.value = null
  }

  /** True once for the click that ends a long press, so it does not also count as a tap. */
  function consumeClick(): boolean {
    const was = fired
    fired = false
    return was
  }

  /** Event handlers to spread on an item: `v-on="press.bind(item)"`. */
  function bind(item: T) {
    return {
      touchstart: (e: TouchEvent) => {
        lastTouch = Date.now()
        const t = e.touches[0]
        begin(item, t?.clientX, t?.clientY)
      },
      touchmove: (e: TouchEvent) => {
        const t = e.touches[0]
        if (t && Math.hypot(t.clientX - origin.x, t.clientY - origin.y) > MOVE_TOLERANCE_PX) cancel()
      },
      touchend: (e: TouchEvent) => {
        lastTouch = Date.now()
        // Released after the long press fired: no click should follow.
        if (fired && e.cancelable) e.preventDefault()
        cancel()
      },
      touchcancel: cancel,
      mousedown: (e: MouseEvent) => {
        if (Date.now() - lastTouch > EMULATED_MOUSE_MS && e.button === 0) begin(item, e.clientX, e.clientY)
      },
      mouseup: () => { if (timer) cancel() },
      mouseleave: () => { if (timer) cancel() },
      // The phone's own long-press menu would cover the delete button.
      contextmenu: (e: Event) => e.preventDefault(),
    }
  }

  return { target, progress, bind, cancel, consumeClick }
}
