/**
 * Name normalisation shared by web and server (DESIGN §3 "Names").
 *
 * Two levels: `cleanName` is what we store and show (trim, NFC, one space between words);
 * `foldName` is the comparison key for duplicates (NFKC folds full/half width, then case,
 * then separators are dropped), so "高意向", "高 意向" and "高_意向" are one name.
 */

const INNER_WHITESPACE = /\s+/gu

/** Separators that people use interchangeably inside tag names. */
const SEPARATORS = /[\s\-_·•.。,，、/\\|:：;；~～'"“”‘’()（）[\]【】{}<>《》+*=!！?？]/gu

/** What we store: trimmed, NFC, inner whitespace collapsed to one space. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(INNER_WHITESPACE, ' ').trim()
}

/** The duplicate key: equal keys mean "the same name". Idempotent: fold(fold(x)) === fold(x). */
export function foldName(raw: string): string {
  // NFKC first (full-width "Ａ" → "A"), lower case, then NFKC again because lower-casing
  // can produce characters that NFKC would still change (e.g. "İ").
  return raw.normalize('NFKC').toLowerCase().normalize('NFKC').replace(SEPARATORS, '')
}

/** Length as a person counts it: code points, not UTF-16 units (an emoji is one). */
export function nameLength(name: string): number {
  return [...name].length
}
