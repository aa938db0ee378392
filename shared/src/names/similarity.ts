import { foldName } from './normalize.ts'

/**
 * "Similar" = likely the same idea under another name (DESIGN §3): "华东区"/"华东客户",
 * "高意向"/"意向高". Warned, never refused, so it can afford an occasional false alarm,
 * but it must not cry wolf on every pair sharing one character ("A类"/"B类").
 *
 * The measure works on the folded name with generic filler removed (客户, 类, 区 … say
 * what kind of thing is tagged, not which one), then asks, in order: same core; same
 * characters reordered; one core containing the other; or a high bigram overlap.
 */

/** Filler morphemes, longest first so "客户群" goes before "客户". */
const FILLERS = ['客户群', '客户', '用户', '人群', '标签', '类型', '类别', '地区', '区域', '区', '类', '型', '的', '级别', '级']
  .sort((a, b) => b.length - a.length)

/** The part of a name that carries its meaning. Falls back to the folded name if nothing is left. */
export function nameCore(name: string): string {
  const folded = foldName(name)
  let core = folded
  for (const f of FILLERS) core = core.split(f).join('')
  return core.length > 0 ? core : folded
}

function bigrams(s: string): string[] {
  const chars = [...s]
  if (chars.length < 2) return chars
  const out: string[] = []
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!)
  return out
}

/** Sørensen–Dice coefficient over character bigrams (multiset). */
export function diceCoefficient(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.length === 0 || y.length === 0) return 0
  const counts = new Map<string, number>()
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1)
  let common = 0
  for (const g of y) {
    const n = counts.get(g) ?? 0
    if (n > 0) {
      common++
      counts.set(g, n - 1)
    }
  }
  return (2 * common) / (x.length + y.length)
}

function sortedChars(s: string): string {
  return [...s].sort().join('')
}

/** A score in [0, 1]; 1 means the same folded name. */
export function similarityScore(a: string, b: string): number {
  const fa = foldName(a)
  const fb = foldName(b)
  if (fa.length === 0 || fb.length === 0) return 0
  if (fa === fb) return 1
  const ca = nameCore(a)
  const cb = nameCore(b)
  const la = [...ca].length
  const lb = [...cb].length
  if (ca === cb) return 0.95
  if (la >= 2 && la === lb && sortedChars(ca) === sortedChars(cb)) return 0.9
  const shorter = la <= lb ? ca : cb
  const longer = la <= lb ? cb : ca
  if ([...shorter].length >= 2 && longer.includes(shorter)) return 0.8
  return diceCoefficient(ca, cb)
}

export const SIMILARITY_THRESHOLD = 0.6

export function isSimilarName(a: string, b: string): boolean {
  return similarityScore(a, b) >= SIMILARITY_THRESHOLD
}

/** Candidates similar to `name`, best first; exact duplicates (same folded name) included. */
export function findSimilar<T extends { name: string }>(name: string, candidates: readonly T[], limit = 5): Array<T & { score: number }> {
  const scored: Array<T & { score: number }> = []
  for (const c of candidates) {
    const score = similarityScore(name, c.name)
    if (score >= SIMILARITY_THRESHOLD) scored.push({ ...c, score })
  }
  return scored.sort((x, y) => y.score - x.score).slice(0, limit)
}
