import { foldName } from './normalize.ts'

/**
 * "Similar" = likely the same idea under another name (DESIGN §3): "华东区"/"华东客户",
 * "高意向"/"意向高". Warned, never refused, so it may raise an occasional false alarm,
 * but it must not cry wolf on names that are two values of one dimension ("A类"/"B类",
 * "金卡"/"银卡", "一段"/"二段") or a name and its negation ("价格敏感"/"价格不敏感").
 *
 * Works on the folded name (NFKC, case, separators) with generic filler removed (客户, 类,
 * 区 … say what kind of thing is tagged, not which one), in order:
 * 1. one side negated and the other not → different;
 * 2. same core → similar; same characters reordered → similar;
 * 3. the two differ in "value words" on both sides (digits, letters, numerals, directions,
 *    polar pairs like 高/低, status markers like 已/待) → different values → not similar;
 * 4. one contains the other, or is a subsequence of it ("已成交"/"已经成交") → similar;
 * 5. the same after dropping value words ("待跟进"/"需跟进"), or sharing the head: Chinese
 *    compounds are head-final, so a shared ending covering most of the shorter name
 *    ("爱砍价"/"喜欢砍价") is the same idea, a shared beginning ("母婴店"/"母婴电商") is not;
 * 6. otherwise a character-bigram Dice coefficient.
 * Measured on the labelled pairs in similarity-pairs.ts (see similarity.test.ts).
 */

/** Filler morphemes, longest first so "客户群" goes before "客户". */
const FILLERS = ['客户群', '客户', '用户', '人群', '群体', '人员', '标签', '类型', '类别', '地区', '区域', '区', '类', '型', '的', '级别', '级']
  .sort((a, b) => b.length - a.length)

const NEGATIONS = /[不非无未没]/u

/** Characters that name a value of some dimension: two names differing in them name different values. */
const VALUE_CHARS = new Set([...'一二三四五六七八九十两零首末单双多少全半'
  + '高中低大小长短新老旧早晚冷热深浅好差强弱快慢轻重上下前后内外本男女'
  + '东南西北金银铜钻年月周季有无已待未'])

/** The part of a name that carries its meaning. Falls back to the folded name if nothing is left. */
export function nameCore(name: string): string {
  const folded = foldName(name)
  let core = folded
  for (const f of FILLERS) core = core.split(f).join('')
  return core.length > 0 ? core : folded
}

/** Digit runs, Latin runs and single value characters, taken before separators are dropped ("20-25岁" → 20, 25). */
function valueTokens(name: string): string[] {
  const text = name.normalize('NFKC').toLowerCase()
  const tokens: string[] = [...(text.match(/\d+|[a-z]+/gu) ?? [])]
  for (const ch of text) if (VALUE_CHARS.has(ch)) tokens.push(ch)
  return tokens
}

/** True when each side has a value token the other lacks: "A类"/"B类", "3个月"/"6个月". */
function contrastingValues(a: string, b: string): boolean {
  const left = valueTokens(a)
  const right = valueTokens(b)
  const onlyIn = (xs: string[], ys: string[]) => {
    const rest = [...ys]
    return xs.some((x) => {
      const i = rest.indexOf(x)
      if (i < 0) return true
      rest.splice(i, 1)
      return false
    })
  }
  return onlyIn(left, right) && onlyIn(right, left)
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

const chars = (s: string) => [...s]
const sortedChars = (s: string) => chars(s).sort().join('')

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0
  for (const ch of long) if (i < short.length && ch === short[i]) i++
  return i === short.length
}

/** The shorter and the longer of two strings, by code points; ties broken by value so the pair is ordered the same either way. */
function ordered(a: string, b: string): [string[], string[]] {
  const x = chars(a)
  const y = chars(b)
  return x.length < y.length || (x.length === y.length && a <= b) ? [x, y] : [y, x]
}

/** Shorter contained in, or a subsequence of, the longer (at least 2 characters, at least half its length). */
function embedded(a: string, b: string): number {
  const [short, long] = ordered(a, b)
  if (short.length < 2) return 0
  if (long.join('').includes(short.join(''))) return 0.8
  if (short.length * 2 >= long.length && isSubsequence(short, long)) return 0.75
  return 0
}

function sharedEnding(a: string[], b: string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

const withoutValues = (s: string) => chars(s).filter(ch => !VALUE_CHARS.has(ch)).join('')

/** A score in [0, 1]; 1 means the same folded name. Symmetric. */
export function similarityScore(a: string, b: string): number {
  const fa = foldName(a)
  const fb = foldName(b)
  if (fa.length === 0 || fb.length === 0) return 0
  if (fa === fb) return 1
  if (NEGATIONS.test(fa) !== NEGATIONS.test(fb)) return 0.1
  const ca = nameCore(a)
  const cb = nameCore(b)
  if (ca === cb) return 0.95
  if (chars(ca).length >= 2 && sortedChars(ca) === sortedChars(cb)) return 0.9
  if (contrastingValues(a, b)) return 0.2
  const inside = Math.max(embedded(ca, cb), embedded(fa, fb))
  if (inside > 0) return inside
  const sa = withoutValues(ca)
  const sb = withoutValues(cb)
  if (sa.length > 0 && sb.length > 0) {
    if (embedded(sa, sb) > 0) return 0.7
    const [short, long] = ordered(sa, sb)
    const ending = sharedEnding(short, long)
    if (ending >= 2 && ending * 3 >= short.length * 2) return 0.65
  }
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
