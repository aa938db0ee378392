/** A small seeded PRNG (mulberry32): the same seed generates the same company. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** k distinct items of `items` in random order (all of them when k ≥ length). */
export function pickDistinct<T>(rand: () => number, items: readonly T[], k: number): T[] {
  if (k >= items.length) return [...items]
  const chosen = new Set<number>()
  while (chosen.size < k) chosen.add(Math.floor(rand() * items.length))
  return [...chosen].map(i => items[i]!)
}
