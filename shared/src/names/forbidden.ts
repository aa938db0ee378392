/**
 * Characters a tag name may not contain: control and zero-width characters (invisible,
 * they make two names look equal) and the symbols WeCom clients garble (`@` mentions,
 * `#` topics). Full-width forms are refused too, since NFKC maps them onto the same.
 */
const FORBIDDEN_SYMBOLS = ['@', '#', '＠', '＃', '<', '>', '\\', '`']

// Cc/Cf categories cover control, zero-width and bidi marks; line/paragraph separators too.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{2060}-\u{206F}\u{FEFF}]/u

/** The distinct offending characters, as a reader would name them. */
export function findForbiddenChars(name: string): string[] {
  const found = new Set<string>()
  for (const ch of name) {
    if (FORBIDDEN_SYMBOLS.includes(ch)) found.add(ch)
    else if (INVISIBLE.test(ch)) found.add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
  }
  return [...found]
}
